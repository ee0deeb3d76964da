// @ts-check
// Flags for headless Chromium here: as root (no sandbox), on a closed network (no background
// connections that would be refused), in containers with a small /dev/shm.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
