/**
 * Invented people for synthetic customers: first and last names that are common in many cultures,
 * combined at random, so no row describes a real person. Pools are regional so a Japanese customer
 * gets a Japanese-sounding name; countries mix pools the way their populations do, roughly.
 */

export interface NamePool {
  first: readonly string[];
  last: readonly string[];
}

export const NAME_POOLS = {
  english: {
    first: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Jack', 'Isla', 'Henry', 'Grace', 'Leo', 'Chloe', 'Ethan', 'Mia', 'Samuel', 'Ruby', 'Daniel', 'Lily', 'Thomas', 'Hannah', 'Lucas', 'Ella'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Clarke', 'Walker', 'Wright', 'Robinson', 'Hall', 'Green', 'Baker', 'Carter', 'Mitchell', 'Turner', 'Parker', 'Cooper', 'Hughes', 'Ward'],
  },
  hispanic: {
    first: ['Sofía', 'Mateo', 'Lucía', 'Santiago', 'Valentina', 'Diego', 'Camila', 'Javier', 'Elena', 'Carlos', 'Isabel', 'Alejandro', 'Martina', 'Pablo', 'Daniela', 'Miguel', 'Paula', 'Andrés', 'Carmen', 'Luis'],
    last: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Rodríguez', 'Díaz', 'Moreno', 'Ruiz', 'Hernández', 'Jiménez', 'Torres', 'Ramírez', 'Flores', 'Vargas', 'Castro', 'Romero', 'Navarro'],
  },
  german: {
    first: ['Lukas', 'Anna', 'Felix', 'Lena', 'Jonas', 'Laura', 'Maximilian', 'Marie', 'Paul', 'Leonie', 'Finn', 'Julia', 'Elias', 'Sophie', 'Niklas', 'Katharina', 'Tobias', 'Johanna', 'Moritz', 'Clara'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann'],
  },
  french: {
    first: ['Louis', 'Camille', 'Gabriel', 'Léa', 'Hugo', 'Manon', 'Arthur', 'Chloé', 'Jules', 'Inès', 'Raphaël', 'Juliette', 'Nathan', 'Louise', 'Théo', 'Zoé', 'Adrien', 'Margaux', 'Antoine', 'Élise'],
    last: ['Martin', 'Bernard', 'Dubois', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'Bonnet', 'Dupont'],
  },
  dutch: {
    first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lars', 'Sanne', 'Bram', 'Fleur', 'Thijs', 'Lotte', 'Ruben', 'Eva', 'Jesse', 'Anouk', 'Stijn', 'Noor'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker', 'Brouwer'],
  },
  italian: {
    first: ['Francesco', 'Giulia', 'Alessandro', 'Chiara', 'Lorenzo', 'Francesca', 'Matteo', 'Sara', 'Andrea', 'Martina', 'Marco', 'Alessia', 'Luca', 'Giorgia', 'Davide', 'Elisa'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa', 'Fontana'],
  },
  nordic: {
    first: ['Erik', 'Astrid', 'Oskar', 'Ingrid', 'Nils', 'Freja', 'Axel', 'Maja', 'Magnus', 'Sigrid', 'Anders', 'Elin', 'Henrik', 'Linnea', 'Emil', 'Saga'],
    last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsen', 'Hansen', 'Jensen', 'Nielsen', 'Lindqvist', 'Berg', 'Lund', 'Dahl', 'Holm', 'Strand'],
  },
  japanese: {
    first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Yuto', 'Sakura', 'Kaito', 'Mei', 'Riku', 'Yuna', 'Takumi', 'Rin', 'Kenji', 'Emi'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Matsumoto', 'Inoue', 'Kimura'],
  },
  portuguese: {
    first: ['João', 'Maria', 'Pedro', 'Ana', 'Gustavo', 'Beatriz', 'Rafael', 'Mariana', 'Lucas', 'Larissa', 'Thiago', 'Fernanda', 'Bruno', 'Camila', 'Felipe', 'Juliana'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes'],
  },
  east_asian: {
    first: ['Wei', 'Mei', 'Jun', 'Lin', 'Hao', 'Xin', 'Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Kai', 'Ying', 'Chen', 'Jia', 'Tao', 'Hui'],
    last: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Kim', 'Lee', 'Park', 'Choi', 'Nguyen', 'Tran', 'Wu', 'Zhou'],
  },
  south_asian: {
    first: ['Aarav', 'Ananya', 'Vihaan', 'Diya', 'Arjun', 'Priya', 'Rohan', 'Isha', 'Kabir', 'Meera', 'Rahul', 'Sana', 'Aditya', 'Neha', 'Ravi', 'Kavya'],
    last: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Shah', 'Mehta', 'Reddy', 'Iyer', 'Nair', 'Rao', 'Joshi', 'Das', 'Khan', 'Verma', 'Malhotra'],
  },
} as const satisfies Record<string, NamePool>;

export type PoolName = keyof typeof NAME_POOLS;

/** Country (ISO 3166-1 alpha-2), its share of customers, and how its customers' names mix pools. */
export interface CountrySpec {
  code: string;
  weight: number;
  pools: ReadonlyArray<readonly [PoolName, number]>;
}

/** A US-heavy mix, as for an online retailer based in North America that ships worldwide. */
export const COUNTRIES: readonly CountrySpec[] = [
  { code: 'US', weight: 42, pools: [['english', 62], ['hispanic', 19], ['east_asian', 7], ['south_asian', 5], ['german', 3], ['italian', 4]] },
  { code: 'GB', weight: 11, pools: [['english', 82], ['south_asian', 10], ['east_asian', 3], ['french', 2], ['italian', 3]] },
  { code: 'DE', weight: 8, pools: [['german', 88], ['italian', 4], ['nordic', 2], ['english', 2], ['south_asian', 4]] },
  { code: 'FR', weight: 6, pools: [['french', 88], ['hispanic', 4], ['italian', 4], ['portuguese', 4]] },
  { code: 'CA', weight: 6, pools: [['english', 62], ['french', 20], ['east_asian', 9], ['south_asian', 9]] },
  { code: 'AU', weight: 4, pools: [['english', 78], ['east_asian', 12], ['south_asian', 6], ['italian', 4]] },
  { code: 'NL', weight: 3, pools: [['dutch', 88], ['german', 4], ['english', 4], ['south_asian', 4]] },
  { code: 'ES', weight: 3, pools: [['hispanic', 94], ['french', 3], ['italian', 3]] },
  { code: 'IT', weight: 3, pools: [['italian', 95], ['french', 5]] },
  { code: 'SE', weight: 2, pools: [['nordic', 92], ['german', 4], ['english', 4]] },
  { code: 'JP', weight: 3, pools: [['japanese', 100]] },
  { code: 'BR', weight: 3, pools: [['portuguese', 90], ['italian', 5], ['japanese', 5]] },
  { code: 'MX', weight: 2, pools: [['hispanic', 100]] },
  { code: 'IN', weight: 1.5, pools: [['south_asian', 100]] },
  { code: 'IE', weight: 1, pools: [['english', 100]] },
  { code: 'DK', weight: 0.8, pools: [['nordic', 100]] },
  { code: 'NO', weight: 0.7, pools: [['nordic', 100]] },
  { code: 'BE', weight: 1, pools: [['french', 50], ['dutch', 50]] },
  { code: 'CH', weight: 1, pools: [['german', 65], ['french', 25], ['italian', 10]] },
  { code: 'KR', weight: 1, pools: [['east_asian', 100]] },
  { code: 'SG', weight: 0.7, pools: [['east_asian', 75], ['south_asian', 20], ['english', 5]] },
  { code: 'NZ', weight: 0.6, pools: [['english', 100]] },
];

/** Reserved for documentation (RFC 2606), so a generated address can never reach anyone. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l' };

/** Lower-case ASCII local-part piece of a name: accents stripped, spaces and other marks dropped. */
export function emailSlug(name: string): string {
  return name
    .replace(/[ßøØæÆœŒłŁ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
