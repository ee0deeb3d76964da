// Every story, rendered as Storybook renders it (args, loaders, decorators, play), passes axe.
// tests/node/stories-list.test.ts keeps STORY_MODULES in step with the files in stories/.
import { expect } from '@open-wc/testing';
import { storiesOf, type StoryModule } from './support/story-runner.js';
import * as dashboard from '../stories/dashboard.stories.js';
import * as dashboardFilters from '../stories/dashboard-filters.stories.js';
import * as dashboardGrid from '../stories/dashboard-grid.stories.js';
import * as dataProvider from '../stories/data-provider.stories.js';
import * as fileImport from '../stories/file-import.stories.js';
import * as loadProgress from '../stories/load-progress.stories.js';
import * as queryChart from '../stories/query-chart.stories.js';
import * as refreshSchedules from '../stories/refresh-schedules.stories.js';
import * as widget from '../stories/widget.stories.js';
import * as widgetCatalog from '../stories/widget-catalog.stories.js';
import * as widgetComposer from '../stories/widget-composer.stories.js';

export const STORY_MODULES: Record<string, StoryModule> = {
  'dashboard': dashboard as unknown as StoryModule,
  'dashboard-filters': dashboardFilters as unknown as StoryModule,
  'dashboard-grid': dashboardGrid as unknown as StoryModule,
  'data-provider': dataProvider as unknown as StoryModule,
  'file-import': fileImport as unknown as StoryModule,
  'load-progress': loadProgress as unknown as StoryModule,
  'query-chart': queryChart as unknown as StoryModule,
  'refresh-schedules': refreshSchedules as unknown as StoryModule,
  'widget': widget as unknown as StoryModule,
  'widget-catalog': widgetCatalog as unknown as StoryModule,
  'widget-composer': widgetComposer as unknown as StoryModule,
};

for (const [file, module] of Object.entries(STORY_MODULES)) {
  describe(`stories/${file}.stories.ts`, () => {
    for (const story of storiesOf(module)) {
      it(`${story.title} / ${story.name} passes axe`, async () => {
        const canvas = document.createElement('div');
        document.body.append(canvas);
        try {
          await story.run(canvas);
          expect(canvas.childElementCount, 'the story rendered nothing').to.be.greaterThan(0);
          await expect(canvas).to.be.accessible();
        } finally {
          canvas.remove();
        }
      });
    }
  });
}
