import { createHash } from 'node:crypto';
import type { MeetingFormat } from '@mentorkit/contract';
import { sql, type Insertable, type Kysely } from 'kysely';
import type {
  ConversationsTable,
  Database,
  FeedbackTable,
  MentorApplicationsTable,
  MentorsTable,
  MentorshipRequestsTable,
  MentorshipsTable,
  ProfilesTable,
  UsersTable,
} from '../db/schema.js';

/**
 * Believable, deterministic alumni of one fictional university, for the demo seed and the
 * benchmarks. Everything here is a pure function of (seed, index, now): the same arguments give
 * the same people on every machine. Nothing is fetched; names of companies are invented.
 */

export const UNIVERSITY = 'Northbridge University';

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: tiny, fast, good enough for test data; state is one 32-bit integer. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with an index (murmur3 finaliser), so each person has an independent stream. */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** Picks by weight; `weights` need not sum to one. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** `k` distinct items in random order (fewer when the list is shorter). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

interface Place {
  city: string;
  country: string;
  timeZone: string;
  /** Languages of the place that a resident may pick up. */
  local?: string[];
}

const PH = (city: string, local?: string[]): Place => ({ city, country: 'Philippines', timeZone: 'Asia/Manila', ...(local ? { local } : {}) });

const philippines: Place[] = [
  PH('Quezon City'), PH('Makati'), PH('Taguig'), PH('Pasig'), PH('Manila'), PH('Mandaluyong'),
  PH('Cebu City', ['Cebuano']), PH('Davao City', ['Cebuano']), PH('Cagayan de Oro', ['Cebuano']),
  PH('Iloilo City', ['Hiligaynon']), PH('Bacolod', ['Hiligaynon']), PH('Baguio', ['Ilocano']),
  PH('Marawi', ['Maranao']), PH('Iligan', ['Cebuano', 'Maranao']), PH('Zamboanga City', ['Chavacano']),
  PH('General Santos', ['Cebuano']), PH('Tacloban', ['Waray']), PH('Dumaguete', ['Cebuano']),
];

/** Cities where alumni of every background end up. */
const hubs: Place[] = [
  { city: 'Singapore', country: 'Singapore', timeZone: 'Asia/Singapore', local: ['Mandarin', 'Malay'] },
  { city: 'Dubai', country: 'United Arab Emirates', timeZone: 'Asia/Dubai', local: ['Arabic'] },
  { city: 'Riyadh', country: 'Saudi Arabia', timeZone: 'Asia/Riyadh', local: ['Arabic'] },
  { city: 'Doha', country: 'Qatar', timeZone: 'Asia/Qatar', local: ['Arabic'] },
  { city: 'Hong Kong', country: 'Hong Kong', timeZone: 'Asia/Hong_Kong', local: ['Cantonese'] },
  { city: 'Tokyo', country: 'Japan', timeZone: 'Asia/Tokyo', local: ['Japanese'] },
  { city: 'Sydney', country: 'Australia', timeZone: 'Australia/Sydney' },
  { city: 'Melbourne', country: 'Australia', timeZone: 'Australia/Melbourne' },
  { city: 'Auckland', country: 'New Zealand', timeZone: 'Pacific/Auckland' },
  { city: 'London', country: 'United Kingdom', timeZone: 'Europe/London' },
  { city: 'Toronto', country: 'Canada', timeZone: 'America/Toronto', local: ['French'] },
  { city: 'Vancouver', country: 'Canada', timeZone: 'America/Vancouver' },
  { city: 'San Francisco', country: 'United States', timeZone: 'America/Los_Angeles', local: ['Spanish'] },
  { city: 'Los Angeles', country: 'United States', timeZone: 'America/Los_Angeles', local: ['Spanish'] },
  { city: 'Seattle', country: 'United States', timeZone: 'America/Los_Angeles' },
  { city: 'New York', country: 'United States', timeZone: 'America/New_York', local: ['Spanish'] },
  { city: 'Chicago', country: 'United States', timeZone: 'America/Chicago' },
  { city: 'Houston', country: 'United States', timeZone: 'America/Chicago', local: ['Spanish'] },
  { city: 'Honolulu', country: 'United States', timeZone: 'Pacific/Honolulu' },
  { city: 'Berlin', country: 'Germany', timeZone: 'Europe/Berlin', local: ['German'] },
  { city: 'Amsterdam', country: 'Netherlands', timeZone: 'Europe/Amsterdam', local: ['Dutch'] },
  { city: 'Kuala Lumpur', country: 'Malaysia', timeZone: 'Asia/Kuala_Lumpur', local: ['Malay'] },
];

interface Culture {
  key: string;
  weight: number;
  given: string[];
  family: string[];
  /** Languages besides English; the first is spoken by nearly everyone of the culture. */
  languages: string[];
  home: Place[];
  /** Share living at home (the rest split between the Philippines and the hubs). */
  homeShare: number;
}

const cultures: Culture[] = [
  {
    key: 'filipino', weight: 46, homeShare: 0.72,
    given: ['Maria', 'Jose', 'Juan Carlo', 'Ana', 'Mark Anthony', 'John Paul', 'Kristine', 'Angelica', 'Carlo', 'Paolo', 'Jasmine', 'Rhea',
      'Joy', 'Mary Grace', 'Ramon', 'Rogelio', 'Nenita', 'Luzviminda', 'Bayani', 'Dalisay', 'Mayumi', 'Isagani', 'Jericho', 'Patricia',
      'Camille', 'Miguel', 'Gabriel', 'Andrea', 'Bea', 'Kimberly', 'Arnel', 'Rodel', 'Erwin', 'Mylene', 'Lorna', 'Cristina', 'Francis',
      'Vincent', 'Ma. Theresa', 'Rowena', 'Jerome', 'Aileen', 'Norhana', 'Amina', 'Abdul', 'Samira', 'Jamal', 'Lovely', 'Princess', 'Reymart'],
    family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Tomas', 'Andrada', 'Castillo', 'Flores',
      'Villanueva', 'Ramos', 'Castro', 'Rivera', 'Aquino', 'Navarro', 'Salazar', 'Mercado', 'Dela Cruz', 'De Leon', 'Del Rosario',
      'Macaraeg', 'Dimaculangan', 'Pangilinan', 'Lumibao', 'Magbanua', 'Tan', 'Sy', 'Lim', 'Manalo', 'Panganiban', 'Dizon', 'Gatchalian',
      'Alonzo', 'Umali', 'Sarmiento', 'Villareal', 'Dumalagan', 'Alonto', 'Lucman', 'Macarambon', 'Abubakar', 'Tagalog', 'Cabahug', 'Yap'],
    languages: ['Filipino'], home: philippines,
  },
  {
    key: 'indian', weight: 9, homeShare: 0.4,
    given: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Sneha', 'Arjun', 'Kavya', 'Rahul', 'Divya', 'Aditya', 'Meera', 'Siddharth',
      'Pooja', 'Karthik', 'Lakshmi', 'Nikhil', 'Shreya', 'Harish', 'Deepa'],
    family: ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Menon', 'Krishnan', 'Singh', 'Das', 'Mukherjee', 'Rao', 'Kulkarni',
      'Chatterjee', 'Pillai', 'Banerjee', 'Joshi', 'Verma'],
    languages: ['Hindi', 'Tamil', 'Telugu', 'Marathi', 'Bengali', 'Malayalam', 'Kannada'],
    home: [
      { city: 'Bengaluru', country: 'India', timeZone: 'Asia/Kolkata' }, { city: 'Mumbai', country: 'India', timeZone: 'Asia/Kolkata' },
      { city: 'New Delhi', country: 'India', timeZone: 'Asia/Kolkata' }, { city: 'Hyderabad', country: 'India', timeZone: 'Asia/Kolkata' },
      { city: 'Chennai', country: 'India', timeZone: 'Asia/Kolkata' }, { city: 'Pune', country: 'India', timeZone: 'Asia/Kolkata' },
      { city: 'Kolkata', country: 'India', timeZone: 'Asia/Kolkata' },
    ],
  },
  {
    key: 'chinese', weight: 8, homeShare: 0.45,
    given: ['Wei', 'Jing', 'Hao', 'Xin', 'Li Na', 'Jun', 'Mei', 'Yong', 'Xiaoling', 'Zhihao', 'Ying', 'Kai', 'Lan', 'Ming', 'Shu Fen', 'Jia Hui'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Lin', 'Tan', 'Ong', 'Goh', 'Chua', 'Teo'],
    languages: ['Mandarin', 'Cantonese', 'Hokkien'],
    home: [
      { city: 'Shanghai', country: 'China', timeZone: 'Asia/Shanghai' }, { city: 'Shenzhen', country: 'China', timeZone: 'Asia/Shanghai' },
      { city: 'Beijing', country: 'China', timeZone: 'Asia/Shanghai' }, { city: 'Taipei', country: 'Taiwan', timeZone: 'Asia/Taipei' },
      { city: 'Singapore', country: 'Singapore', timeZone: 'Asia/Singapore', local: ['Malay'] },
      { city: 'Hong Kong', country: 'Hong Kong', timeZone: 'Asia/Hong_Kong', local: ['Cantonese'] },
    ],
  },
  {
    key: 'nigerian', weight: 4, homeShare: 0.5,
    given: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Emeka', 'Funmilayo', 'Tunde', 'Yetunde', 'Ifeanyi', 'Chiamaka', 'Bola', 'Zainab'],
    family: ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Obi', 'Bello', 'Ibrahim'],
    languages: ['Yoruba', 'Igbo', 'Hausa'],
    home: [{ city: 'Lagos', country: 'Nigeria', timeZone: 'Africa/Lagos' }, { city: 'Abuja', country: 'Nigeria', timeZone: 'Africa/Lagos' }],
  },
  {
    key: 'ghanaian', weight: 3, homeShare: 0.5,
    given: ['Kwame', 'Ama', 'Kofi', 'Akosua', 'Yaw', 'Efua', 'Kwabena', 'Abena', 'Nana', 'Kojo', 'Esi', 'Kwesi'],
    family: ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Appiah', 'Agyeman', 'Darko', 'Ofori', 'Acheampong'],
    languages: ['Twi', 'Ga', 'Ewe'],
    home: [{ city: 'Accra', country: 'Ghana', timeZone: 'Africa/Accra' }, { city: 'Kumasi', country: 'Ghana', timeZone: 'Africa/Accra' }],
  },
  {
    key: 'hispanic', weight: 5, homeShare: 0.5,
    given: ['José Luis', 'María José', 'Alejandro', 'Valentina', 'Santiago', 'Camila', 'Mateo', 'Sofía', 'Diego', 'Lucía', 'Carlos',
      'Gabriela', 'Andrés', 'Fernanda', 'Luis', 'Daniela'],
    family: ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Morales', 'Vargas',
      'Fernández', 'Castillo', 'Ortiz'],
    languages: ['Spanish'],
    home: [
      { city: 'Mexico City', country: 'Mexico', timeZone: 'America/Mexico_City' }, { city: 'Guadalajara', country: 'Mexico', timeZone: 'America/Mexico_City' },
      { city: 'Bogotá', country: 'Colombia', timeZone: 'America/Bogota' }, { city: 'Lima', country: 'Peru', timeZone: 'America/Lima' },
      { city: 'Santiago', country: 'Chile', timeZone: 'America/Santiago' }, { city: 'Buenos Aires', country: 'Argentina', timeZone: 'America/Argentina/Buenos_Aires' },
      { city: 'Madrid', country: 'Spain', timeZone: 'Europe/Madrid' },
    ],
  },
  {
    key: 'brazilian', weight: 2, homeShare: 0.55,
    given: ['João', 'Ana Beatriz', 'Rafael', 'Larissa', 'Lucas', 'Mariana', 'Gustavo', 'Juliana'],
    family: ['Silva', 'Souza', 'Oliveira', 'Costa', 'Pereira', 'Almeida', 'Carvalho', 'Ribeiro'],
    languages: ['Portuguese'],
    home: [{ city: 'São Paulo', country: 'Brazil', timeZone: 'America/Sao_Paulo' }, { city: 'Rio de Janeiro', country: 'Brazil', timeZone: 'America/Sao_Paulo' }],
  },
  {
    key: 'german', weight: 2, homeShare: 0.55,
    given: ['Lukas', 'Anna', 'Jonas', 'Sophie', 'Niklas', 'Hannah', 'Felix', 'Lea'],
    family: ['Müller', 'Schmidt', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Wagner'],
    languages: ['German'],
    home: [{ city: 'Munich', country: 'Germany', timeZone: 'Europe/Berlin' }, { city: 'Hamburg', country: 'Germany', timeZone: 'Europe/Berlin' }, { city: 'Zurich', country: 'Switzerland', timeZone: 'Europe/Zurich' }],
  },
  {
    key: 'french', weight: 1.5, homeShare: 0.55,
    given: ['Camille', 'Pierre', 'Léa', 'Julien', 'Chloé', 'Antoine', 'Manon', 'Hugo'],
    family: ['Dubois', 'Lefebvre', 'Moreau', 'Laurent', 'Girard', 'Bonnet', 'Rousseau', 'Fontaine'],
    languages: ['French'],
    home: [{ city: 'Paris', country: 'France', timeZone: 'Europe/Paris' }, { city: 'Lyon', country: 'France', timeZone: 'Europe/Paris' }],
  },
  {
    key: 'italian', weight: 1, homeShare: 0.55,
    given: ['Luca', 'Giulia', 'Marco', 'Chiara', 'Matteo', 'Francesca'],
    family: ['Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Greco'],
    languages: ['Italian'],
    home: [{ city: 'Milan', country: 'Italy', timeZone: 'Europe/Rome' }, { city: 'Rome', country: 'Italy', timeZone: 'Europe/Rome' }],
  },
  {
    key: 'dutch-nordic', weight: 1, homeShare: 0.55,
    given: ['Lars', 'Ingrid', 'Sanne', 'Daan', 'Freya', 'Erik', 'Maud', 'Sven'],
    family: ['Jansen', 'de Vries', 'van Dijk', 'Andersen', 'Nilsson', 'Lindqvist', 'Bakker', 'Johansson'],
    languages: ['Dutch', 'Swedish', 'Danish'],
    home: [{ city: 'Rotterdam', country: 'Netherlands', timeZone: 'Europe/Amsterdam' }, { city: 'Stockholm', country: 'Sweden', timeZone: 'Europe/Stockholm' }, { city: 'Copenhagen', country: 'Denmark', timeZone: 'Europe/Copenhagen' }],
  },
  {
    key: 'polish', weight: 1, homeShare: 0.55,
    given: ['Katarzyna', 'Mateusz', 'Agnieszka', 'Piotr', 'Magdalena', 'Tomasz'],
    family: ['Kowalski', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowski'],
    languages: ['Polish'],
    home: [{ city: 'Warsaw', country: 'Poland', timeZone: 'Europe/Warsaw' }, { city: 'Kraków', country: 'Poland', timeZone: 'Europe/Warsaw' }],
  },
  {
    key: 'anglo', weight: 2, homeShare: 0.6,
    given: ['Emma', 'James', 'Olivia', 'Thomas', 'Charlotte', 'Liam', 'Grace', 'Patrick', 'Siobhan', 'Oliver'],
    family: ['Smith', 'Taylor', "O'Brien", 'Murphy', 'Walsh', 'Thompson', 'Campbell', 'Evans', 'Clarke', 'Wilson'],
    languages: [],
    home: [{ city: 'London', country: 'United Kingdom', timeZone: 'Europe/London' }, { city: 'Manchester', country: 'United Kingdom', timeZone: 'Europe/London' },
      { city: 'Dublin', country: 'Ireland', timeZone: 'Europe/Dublin', local: ['Irish'] }, { city: 'Boston', country: 'United States', timeZone: 'America/New_York' }],
  },
  {
    key: 'arabic', weight: 4, homeShare: 0.55,
    given: ['Ahmed', 'Fatima', 'Omar', 'Layla', 'Youssef', 'Mariam', 'Khalid', 'Noor', 'Hassan', 'Aisha', 'Karim', 'Rania', 'Tariq', 'Salma'],
    family: ['Al-Farsi', 'Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Hamdan', 'Aziz', 'El-Sayed', 'Abdullah', 'Al-Amin', 'Darwish'],
    languages: ['Arabic'],
    home: [
      { city: 'Dubai', country: 'United Arab Emirates', timeZone: 'Asia/Dubai' }, { city: 'Abu Dhabi', country: 'United Arab Emirates', timeZone: 'Asia/Dubai' },
      { city: 'Riyadh', country: 'Saudi Arabia', timeZone: 'Asia/Riyadh' }, { city: 'Doha', country: 'Qatar', timeZone: 'Asia/Qatar' },
      { city: 'Cairo', country: 'Egypt', timeZone: 'Africa/Cairo' }, { city: 'Amman', country: 'Jordan', timeZone: 'Asia/Amman' },
    ],
  },
  {
    key: 'japanese', weight: 2, homeShare: 0.6,
    given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Takumi', 'Sakura', 'Kenji', 'Yuki', 'Daisuke', 'Emi'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato'],
    languages: ['Japanese'],
    home: [{ city: 'Tokyo', country: 'Japan', timeZone: 'Asia/Tokyo' }, { city: 'Osaka', country: 'Japan', timeZone: 'Asia/Tokyo' }, { city: 'Yokohama', country: 'Japan', timeZone: 'Asia/Tokyo' }],
  },
  {
    key: 'korean', weight: 2.5, homeShare: 0.55,
    given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Hyun-woo', 'Soo-ah', 'Jae-won', 'Eun-ji'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Han'],
    languages: ['Korean'],
    home: [{ city: 'Seoul', country: 'South Korea', timeZone: 'Asia/Seoul' }, { city: 'Busan', country: 'South Korea', timeZone: 'Asia/Seoul' }],
  },
  {
    key: 'vietnamese', weight: 2, homeShare: 0.55,
    given: ['Minh', 'Linh', 'Anh', 'Hương', 'Đức', 'Thảo', 'Quang', 'Lan', 'Tuấn', 'Mai'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'],
    languages: ['Vietnamese'],
    home: [{ city: 'Ho Chi Minh City', country: 'Vietnam', timeZone: 'Asia/Ho_Chi_Minh' }, { city: 'Hanoi', country: 'Vietnam', timeZone: 'Asia/Ho_Chi_Minh' }],
  },
  {
    key: 'indonesian-malay', weight: 3, homeShare: 0.55,
    given: ['Putri', 'Budi', 'Dewi', 'Agus', 'Sri', 'Rizky', 'Ayu', 'Andi', 'Nurul', 'Hafiz', 'Siti', 'Faizal'],
    family: ['Santoso', 'Wijaya', 'Hidayat', 'Saputra', 'Kusuma', 'Pratama', 'Rahman', 'Ismail', 'Hashim', 'Yusof'],
    languages: ['Indonesian', 'Malay'],
    home: [
      { city: 'Jakarta', country: 'Indonesia', timeZone: 'Asia/Jakarta' }, { city: 'Bandung', country: 'Indonesia', timeZone: 'Asia/Jakarta' },
      { city: 'Kuala Lumpur', country: 'Malaysia', timeZone: 'Asia/Kuala_Lumpur' }, { city: 'Kota Kinabalu', country: 'Malaysia', timeZone: 'Asia/Kuching' },
    ],
  },
];

interface Industry {
  name: string;
  companies: string[];
  /** Positions by seniority: early career, mid, senior, executive. */
  positions: [string[], string[], string[], string[]];
  skills: string[];
  expertise: string[];
  /** Search words for the industry (used by the benchmark's query mix). */
  words: string[];
}

export const industries: Industry[] = [
  {
    name: 'Technology',
    companies: ['Maharlika Digital', 'Northwind Analytics', 'Bayanihan Pay', 'Kalye Labs', 'Archipelago Cloud', 'Lumen Systems', 'BrightPath Software', 'Tala Ridge Technologies', 'Coral Logic', 'Meridian Data'],
    positions: [
      ['Software Engineer', 'Junior Data Analyst', 'QA Engineer', 'IT Support Specialist', 'Associate Product Manager', 'Frontend Developer'],
      ['Senior Software Engineer', 'Data Engineer', 'Data Scientist', 'Product Manager', 'DevOps Engineer', 'UX Designer', 'Security Analyst'],
      ['Engineering Manager', 'Staff Engineer', 'Principal Data Scientist', 'Senior Product Manager', 'Solutions Architect', 'Data Engineering Manager'],
      ['Chief Technology Officer', 'VP of Engineering', 'Head of Data', 'Director of Product', 'Founder & CEO'],
    ],
    skills: ['Python', 'SQL', 'JavaScript', 'TypeScript', 'Java', 'Go', 'React', 'AWS', 'Docker', 'Kubernetes', 'Data Analysis', 'Machine Learning', 'System Design', 'Agile', 'Git', 'Product Discovery', 'UX Research', 'Cloud Architecture'],
    expertise: ['Software Engineering', 'Data Engineering', 'Data Science', 'Machine Learning', 'Cloud Architecture', 'Product Management', 'UX Design', 'DevOps', 'Cybersecurity', 'System Design', 'SQL', 'Python', 'Engineering Management', 'Startups'],
    words: ['software', 'data', 'cloud', 'python', 'product', 'engineering', 'machine learning', 'security'],
  },
  {
    name: 'Financial Services',
    companies: ['Lakeshore Bank', 'Pacific Crest Capital', 'Mabuhay Savings Bank', 'Harborview Insurance', 'Silverline Securities', 'Banco del Sur', 'Goldfield Asset Management', 'Insular Trust', 'Evergreen Microfinance'],
    positions: [
      ['Credit Analyst', 'Relationship Associate', 'Junior Data Analyst', 'Risk Analyst', 'Operations Associate'],
      ['Financial Analyst', 'Data Analyst', 'Portfolio Manager', 'Branch Manager', 'Risk Manager', 'Investment Analyst'],
      ['Vice President, Credit Risk', 'Head of Treasury Operations', 'Senior Portfolio Manager', 'Head of Analytics', 'Senior Relationship Manager'],
      ['Chief Risk Officer', 'Chief Financial Officer', 'Managing Director', 'President & CEO'],
    ],
    skills: ['Financial Modeling', 'Excel', 'SQL', 'Credit Analysis', 'Risk Management', 'Valuation', 'Python', 'Data Analysis', 'Regulatory Compliance', 'Power BI', 'Accounting', 'Tableau'],
    expertise: ['Corporate Finance', 'Risk Management', 'Investment Banking', 'Credit Analysis', 'Financial Modeling', 'Fintech', 'Wealth Management', 'Data Analysis', 'Regulatory Compliance', 'Treasury', 'Financial Planning'],
    words: ['bank', 'finance', 'risk', 'credit', 'investment', 'fintech', 'treasury'],
  },
  {
    name: 'Healthcare',
    companies: ['St. Brigid Medical Center', 'Mindanao Heart Institute', 'Pacific Crest Hospital', 'Northbridge University Medical Center', 'CareBridge Clinics', 'Al Noor Specialist Hospital', 'Kings Meadow Health Trust', 'Lakeview Health System', 'MediTayo Telehealth', 'Riverbend Diagnostics'],
    positions: [
      ['Staff Nurse', 'Medical Technologist', 'Pharmacist', 'Physical Therapist', 'Clinical Research Associate'],
      ['Charge Nurse', 'Senior Medical Technologist', 'Clinical Pharmacist', 'Nurse Educator', 'Public Health Officer'],
      ['Nurse Manager', 'Laboratory Manager', 'Director of Nursing', 'Clinical Research Manager', 'Head of Quality'],
      ['Chief Nursing Officer', 'Hospital Administrator', 'Medical Director', 'Chief Operating Officer'],
    ],
    skills: ['Patient Care', 'Critical Care', 'Infection Control', 'Clinical Research', 'Phlebotomy', 'Pharmacology', 'Health Informatics', 'Public Health', 'Emergency Care', 'Patient Education', 'Quality Improvement'],
    expertise: ['Nursing', 'Critical Care Nursing', 'Nursing Abroad', 'NCLEX Preparation', 'Public Health', 'Health Informatics', 'Clinical Research', 'Hospital Management', 'Medical Technology', 'Pharmacy Practice', 'Quality Improvement'],
    words: ['nursing', 'nurse', 'hospital', 'health', 'clinical', 'pharmacy', 'NCLEX'],
  },
  {
    name: 'Accounting & Audit',
    companies: ['Castillo Uy & Co.', 'Meridian Audit Partners', 'Harbor & Finch LLP', 'Alon Tax Advisory', 'Keystone Assurance', 'Reyes Tan & Partners'],
    positions: [
      ['Audit Associate', 'Staff Accountant', 'Tax Associate', 'Accounts Payable Specialist'],
      ['Senior Auditor', 'Tax Consultant', 'Senior Accountant', 'Internal Auditor'],
      ['Audit Manager', 'Tax Manager', 'Financial Controller', 'Finance Manager'],
      ['Audit Partner', 'Tax Partner', 'Chief Financial Officer', 'Chief Audit Executive'],
    ],
    skills: ['Financial Reporting', 'IFRS', 'Auditing', 'Taxation', 'Excel', 'SAP', 'Internal Controls', 'Bookkeeping', 'Cost Accounting', 'Data Analysis', 'QuickBooks'],
    expertise: ['Auditing', 'Taxation', 'Financial Reporting', 'IFRS', 'Internal Controls', 'CPA Board Exam', 'Forensic Accounting', 'Corporate Finance', 'Financial Planning'],
    words: ['audit', 'tax', 'accounting', 'CPA', 'reporting'],
  },
  {
    name: 'Consulting',
    companies: ['Apex Strategy Group', 'Meridian Advisory', 'Kalinaw Consulting', 'Bridgeway Partners', 'Oakridge & Sterling', 'Harbor Point Consulting', 'Tandem Insights'],
    positions: [
      ['Business Analyst', 'Associate Consultant', 'Research Analyst'],
      ['Consultant', 'Senior Consultant', 'Project Manager'],
      ['Engagement Manager', 'Principal', 'Associate Partner'],
      ['Partner', 'Managing Partner', 'Practice Lead'],
    ],
    skills: ['Strategy', 'Financial Modeling', 'Stakeholder Management', 'Project Management', 'Data Analysis', 'Excel', 'Market Research', 'Change Management', 'Process Improvement'],
    expertise: ['Management Consulting', 'Strategy', 'Change Management', 'Project Management', 'Business Analysis', 'Digital Transformation', 'Operations', 'Case Interviews', 'Data Analysis'],
    words: ['consulting', 'strategy', 'transformation', 'operations'],
  },
  {
    name: 'Construction & Real Estate',
    companies: ['Volta Ridge Construction', 'Pilar Builders', 'Mindanao Infrastructure Corp.', 'Greenhills Land', 'Harbor Steel Structures', 'Cordillera Engineering', 'Skyline Development Group', 'Al Bayan Contracting'],
    positions: [
      ['Site Engineer', 'Junior Structural Engineer', 'Project Engineer', 'Quantity Surveyor', 'Junior Architect'],
      ['Structural Engineer', 'Senior Site Engineer', 'Architect', 'Estimator', 'Project Manager'],
      ['Senior Project Manager', 'Construction Manager', 'Principal Structural Engineer', 'Design Director'],
      ['Vice President, Construction', 'Managing Director', 'Chief Engineer'],
    ],
    skills: ['AutoCAD', 'Structural Analysis', 'Project Management', 'Site Supervision', 'Revit', 'BIM', 'Cost Estimation', 'Primavera P6', 'ETABS', 'Construction Safety', 'Surveying'],
    expertise: ['Structural Engineering', 'Construction Management', 'Project Management', 'Civil Engineering Licensure', 'BIM', 'Real Estate Development', 'Infrastructure', 'Geotechnical Engineering', 'Sustainable Design'],
    words: ['construction', 'structural', 'civil', 'infrastructure', 'architecture', 'real estate'],
  },
  {
    name: 'Manufacturing',
    companies: ['Pacific Semiconductor', 'Luzon Precision Parts', 'Apex Electronics Assembly', 'Mindanao Cement', 'Sunrise Pharma Labs', 'Coral Motors'],
    positions: [
      ['Process Engineer', 'Quality Engineer', 'Production Supervisor', 'Maintenance Engineer'],
      ['Senior Process Engineer', 'Quality Assurance Manager', 'Production Manager', 'Supply Chain Analyst'],
      ['Plant Manager', 'Operations Manager', 'Engineering Manager'],
      ['VP Operations', 'General Manager', 'Chief Operating Officer'],
    ],
    skills: ['Lean Manufacturing', 'Six Sigma', 'Quality Assurance', 'Process Improvement', 'Supply Chain Management', 'AutoCAD', 'PLC Programming', 'Root Cause Analysis', 'Preventive Maintenance', 'ISO 9001'],
    expertise: ['Lean Manufacturing', 'Six Sigma', 'Quality Management', 'Supply Chain Management', 'Operations', 'Process Engineering', 'Plant Management', 'Semiconductor Engineering'],
    words: ['manufacturing', 'lean', 'quality', 'semiconductor', 'plant'],
  },
  {
    name: 'Energy & Utilities',
    companies: ['Agus Hydro Power', 'Solaris Renewables', 'Visayas Grid Corp.', 'Pacific Geothermal', 'Metro Water Utilities', 'Bluewind Energy'],
    positions: [
      ['Electrical Engineer', 'Plant Engineer', 'Field Engineer'],
      ['Senior Electrical Engineer', 'Grid Planning Engineer', 'Project Engineer'],
      ['Power Plant Manager', 'Head of Renewable Projects', 'Asset Manager'],
      ['Chief Operating Officer', 'President'],
    ],
    skills: ['Power Systems', 'Renewable Energy', 'Project Management', 'Electrical Design', 'SCADA', 'Energy Modeling', 'Safety Management', 'AutoCAD'],
    expertise: ['Renewable Energy', 'Power Systems', 'Energy Policy', 'Project Management', 'Electrical Engineering Licensure', 'Sustainability', 'Grid Modernization'],
    words: ['energy', 'renewable', 'power', 'solar', 'grid'],
  },
  {
    name: 'Telecommunications',
    companies: ['Islas Telecom', 'Kabisig Networks', 'Pacific Fiber', 'SkyReach Mobile', 'Meridian Towers'],
    positions: [
      ['Network Engineer', 'RF Engineer', 'NOC Technician'],
      ['Senior Network Engineer', 'Network Architect', 'Product Manager'],
      ['Network Planning Manager', 'Head of Network Operations'],
      ['Chief Technology Officer', 'VP Network Engineering'],
    ],
    skills: ['Networking', 'RF Planning', 'Fiber Optics', '5G', 'Cisco', 'Linux', 'Python', 'Project Management', 'Network Security'],
    expertise: ['Network Engineering', '5G', 'Telecom Strategy', 'Cybersecurity', 'Product Management', 'Network Security'],
    words: ['network', 'telecom', '5G', 'fiber'],
  },
  {
    name: 'BPO & Shared Services',
    companies: ['Bayani Outsourcing', 'TeleAsia Contact Centers', 'Harbor Shared Services', 'Stellar CX', 'BrightWorks Global Services'],
    positions: [
      ['Customer Service Representative', 'HR Associate', 'Recruiter', 'Workforce Analyst'],
      ['Team Leader', 'Operations Supervisor', 'HR Business Partner', 'Quality Analyst', 'Training Manager'],
      ['Operations Manager', 'Site Director', 'HR Director'],
      ['Country Manager', 'VP Operations'],
    ],
    skills: ['Customer Service', 'People Management', 'Workforce Management', 'Recruitment', 'Training', 'Quality Assurance', 'Excel', 'Coaching'],
    expertise: ['People Management', 'Customer Experience', 'Human Resources', 'Recruitment', 'Operations', 'Training & Development', 'Workforce Management'],
    words: ['customer experience', 'outsourcing', 'HR', 'recruitment', 'operations'],
  },
  {
    name: 'Government & Public Sector',
    companies: ['Regional Development Office', 'City Planning and Development Office', 'Regional Statistics Office', 'Metro Transit Authority', 'Provincial Health Office', 'Bureau of Local Revenue'],
    positions: [
      ['Planning Officer I', 'Administrative Officer', 'Budget Analyst', 'Statistician I'],
      ['Planning Officer III', 'Senior Budget Analyst', 'Project Development Officer', 'Economist'],
      ['Division Chief', 'Assistant Regional Director', 'Senior Economist'],
      ['Regional Director', 'City Administrator'],
    ],
    skills: ['Policy Analysis', 'Public Administration', 'Budgeting', 'Program Evaluation', 'Statistics', 'Data Analysis', 'Stakeholder Engagement', 'Report Writing', 'Procurement'],
    expertise: ['Public Policy', 'Public Administration', 'Program Evaluation', 'Civil Service Exam', 'Economic Development', 'Urban Planning', 'Public Finance'],
    words: ['policy', 'government', 'public', 'planning', 'statistics'],
  },
  {
    name: 'Education',
    companies: ['Northbridge University', 'Lakeside International School', 'St. Anne Academy', 'Mindanao Science High School', 'Open Learning Hub', 'Bukidnon State College'],
    positions: [
      ['Teacher I', 'Instructor', 'Teaching Assistant', 'Admissions Officer'],
      ['Master Teacher', 'Assistant Professor', 'Curriculum Developer', 'Guidance Counselor'],
      ['Associate Professor', 'Department Chair', 'School Principal'],
      ['Dean', 'Director of Alumni Relations', 'Vice President for Academic Affairs'],
    ],
    skills: ['Curriculum Design', 'Classroom Management', 'Educational Technology', 'Research', 'Public Speaking', 'Assessment Design', 'Academic Writing', 'Student Counseling'],
    expertise: ['Teaching', 'Curriculum Design', 'Educational Leadership', 'Graduate School Applications', 'Academic Research', 'Scholarship Applications', 'EdTech', 'LET Board Exam'],
    words: ['teaching', 'education', 'research', 'scholarship', 'curriculum'],
  },
  {
    name: 'Non-profit & Development',
    companies: ['Bayanihan Foundation', 'Pacific Relief Network', 'Green Mindanao Initiative', 'Kalinga Health Partners', 'Tides of Hope Foundation', 'Global Water Alliance'],
    positions: [
      ['Program Assistant', 'Community Development Officer', 'Research Assistant'],
      ['Program Officer', 'Monitoring & Evaluation Specialist', 'Grants Manager'],
      ['Program Manager', 'Country Program Director'],
      ['Executive Director', 'Country Director'],
    ],
    skills: ['Grant Writing', 'Monitoring & Evaluation', 'Community Organizing', 'Project Management', 'Stakeholder Engagement', 'Report Writing', 'Fundraising', 'Data Analysis'],
    expertise: ['International Development', 'Grant Writing', 'Monitoring & Evaluation', 'Social Entrepreneurship', 'Fundraising', 'Climate Resilience', 'Community Development', 'Public Health'],
    words: ['development', 'non-profit', 'grant', 'community', 'climate'],
  },
  {
    name: 'Media & Marketing',
    companies: ['Sinag Media', 'Brightside Advertising', 'Pulse Digital Agency', 'Harbor Creative', 'Mindanao Courier', 'Pacific Pixel Studios'],
    positions: [
      ['Content Writer', 'Social Media Specialist', 'Marketing Associate', 'Graphic Designer', 'Reporter'],
      ['Marketing Manager', 'Brand Manager', 'Senior Copywriter', 'Producer', 'Editor'],
      ['Head of Marketing', 'Creative Director', 'Managing Editor'],
      ['Chief Marketing Officer', 'Editor-in-Chief', 'Agency Founder'],
    ],
    skills: ['Content Strategy', 'Copywriting', 'SEO', 'Social Media Marketing', 'Brand Management', 'Video Production', 'Google Analytics', 'Graphic Design', 'Public Relations', 'Storytelling'],
    expertise: ['Digital Marketing', 'Brand Strategy', 'Content Strategy', 'Public Relations', 'Journalism', 'Creative Direction', 'Social Media Marketing', 'Growth Marketing', 'Storytelling'],
    words: ['marketing', 'brand', 'content', 'journalism', 'advertising'],
  },
  {
    name: 'Retail & Consumer Goods',
    companies: ['Suki Mart', 'Pacific Consumer Brands', 'Tindahan Online', 'Islas Beverages', 'Coral Home Goods', 'Luntian Apparel'],
    positions: [
      ['Management Trainee', 'Assistant Brand Manager', 'Category Analyst', 'Store Supervisor'],
      ['Brand Manager', 'Category Manager', 'Sales Manager', 'Supply Chain Planner'],
      ['Marketing Director', 'Head of E-commerce', 'Regional Sales Director'],
      ['General Manager', 'Country Manager', 'Chief Executive Officer'],
    ],
    skills: ['Brand Management', 'Sales', 'Category Management', 'E-commerce', 'Supply Chain Management', 'Consumer Insights', 'Negotiation', 'Excel', 'Trade Marketing'],
    expertise: ['Brand Management', 'Sales Leadership', 'E-commerce', 'Category Management', 'Consumer Insights', 'Supply Chain Management', 'Entrepreneurship', 'Retail Operations'],
    words: ['retail', 'sales', 'e-commerce', 'brand', 'consumer'],
  },
  {
    name: 'Hospitality & Tourism',
    companies: ['Bohol Bay Resorts', 'Harbor Grand Hotel', 'Pacific Star Cruises', 'Islas Travel & Tours', 'Al Marsa Hospitality', 'Siargao Surf Lodge'],
    positions: [
      ['Front Office Associate', 'Guest Relations Officer', 'Cabin Crew', 'F&B Supervisor'],
      ['Front Office Manager', 'Sales Manager', 'Events Manager', 'Executive Chef'],
      ['Hotel Operations Manager', 'Director of Sales', 'Resort Manager'],
      ['General Manager', 'VP Operations'],
    ],
    skills: ['Guest Relations', 'Revenue Management', 'Event Planning', 'Food & Beverage', 'Customer Service', 'Sales', 'Opera PMS'],
    expertise: ['Hospitality Management', 'Revenue Management', 'Event Management', 'Tourism Development', 'Customer Experience', 'Culinary Arts'],
    words: ['hotel', 'hospitality', 'tourism', 'events'],
  },
  {
    name: 'Law',
    companies: ['Santos Dizon & Associates', 'Villareal Law Offices', 'Harbor Legal', 'Meridian Legal Services', 'Public Attorney Office'],
    positions: [
      ['Associate Lawyer', 'Paralegal', 'Legal Researcher'],
      ['Senior Associate', 'Legal Counsel', 'Public Attorney'],
      ['Senior Legal Counsel', 'Of Counsel', 'Head of Legal'],
      ['Managing Partner', 'General Counsel', 'Partner'],
    ],
    skills: ['Legal Research', 'Legal Writing', 'Litigation', 'Contract Drafting', 'Corporate Law', 'Negotiation', 'Compliance', 'Labor Law'],
    expertise: ['Corporate Law', 'Litigation', 'Labor Law', 'Bar Exam Preparation', 'Data Privacy', 'Intellectual Property', 'Compliance', 'Law School Applications'],
    words: ['law', 'legal', 'litigation', 'bar exam', 'compliance'],
  },
  {
    name: 'Agriculture & Food',
    companies: ['Mindanao Agri Ventures', 'Pacific Fisheries', 'Golden Harvest Foods', 'Cacao Republic', 'Verde Agritech', 'Bukid Fresh Cooperative'],
    positions: [
      ['Agronomist', 'Farm Supervisor', 'Food Technologist', 'Research Assistant'],
      ['Senior Agronomist', 'Agribusiness Analyst', 'Product Developer', 'Quality Assurance Manager'],
      ['Plantation Manager', 'R&D Manager', 'Head of Sourcing'],
      ['General Manager', 'Founder & CEO'],
    ],
    skills: ['Agronomy', 'Food Safety', 'Supply Chain Management', 'Research', 'Sustainable Farming', 'Data Analysis', 'HACCP', 'Product Development', 'Project Management'],
    expertise: ['Agribusiness', 'Sustainable Agriculture', 'Food Technology', 'Food Safety', 'Supply Chain Management', 'Social Entrepreneurship', 'Agricultural Research', 'Aquaculture'],
    words: ['agriculture', 'food', 'farming', 'aquaculture', 'agribusiness'],
  },
];

/** Expertise any experienced alumnus can offer, whatever the industry. */
export const genericExpertise = [
  'Leadership', 'Career Transitions', 'Interview Preparation', 'Public Speaking', 'Negotiation', 'Working Abroad',
  'Entrepreneurship', 'Work-Life Balance', 'Networking', 'Graduate School Applications', 'People Management',
];
const genericSkills = ['Leadership', 'Project Management', 'Excel', 'Public Speaking', 'Negotiation', 'Stakeholder Management', 'Communication'];

const industryByName = new Map(industries.map((i) => [i.name, i]));
const ind = (name: string) => {
  const found = industryByName.get(name);
  if (!found) throw new Error(`unknown industry ${name}`);
  return found;
};

/** Programmes and the industries their graduates usually work in (weights). */
export const programmes: { name: string; weight: number; industries: [string, number][] }[] = [
  { name: 'BS Computer Science', weight: 9, industries: [['Technology', 6], ['Financial Services', 2], ['Consulting', 1], ['Telecommunications', 1]] },
  { name: 'BS Information Technology', weight: 8, industries: [['Technology', 5], ['BPO & Shared Services', 2], ['Telecommunications', 1], ['Government & Public Sector', 1]] },
  { name: 'BS Electronics Engineering', weight: 4, industries: [['Telecommunications', 3], ['Manufacturing', 3], ['Technology', 2], ['Energy & Utilities', 1]] },
  { name: 'BS Electrical Engineering', weight: 3, industries: [['Energy & Utilities', 4], ['Manufacturing', 2], ['Construction & Real Estate', 1]] },
  { name: 'BS Civil Engineering', weight: 6, industries: [['Construction & Real Estate', 6], ['Government & Public Sector', 2], ['Energy & Utilities', 1]] },
  { name: 'BS Mechanical Engineering', weight: 3, industries: [['Manufacturing', 4], ['Energy & Utilities', 2], ['Construction & Real Estate', 1]] },
  { name: 'BS Architecture', weight: 2, industries: [['Construction & Real Estate', 5], ['Media & Marketing', 1]] },
  { name: 'BS Nursing', weight: 9, industries: [['Healthcare', 9], ['Education', 1], ['Non-profit & Development', 1]] },
  { name: 'BS Medical Technology', weight: 3, industries: [['Healthcare', 6], ['Manufacturing', 1]] },
  { name: 'BS Pharmacy', weight: 2, industries: [['Healthcare', 4], ['Manufacturing', 2], ['Retail & Consumer Goods', 1]] },
  { name: 'BS Accountancy', weight: 7, industries: [['Accounting & Audit', 6], ['Financial Services', 3], ['Government & Public Sector', 1], ['BPO & Shared Services', 1]] },
  { name: 'AB Economics', weight: 4, industries: [['Financial Services', 3], ['Government & Public Sector', 2], ['Consulting', 2], ['Non-profit & Development', 1]] },
  { name: 'BS Business Administration', weight: 7, industries: [['Retail & Consumer Goods', 3], ['BPO & Shared Services', 2], ['Financial Services', 2], ['Hospitality & Tourism', 1], ['Consulting', 1]] },
  { name: 'MBA', weight: 3, industries: [['Consulting', 3], ['Financial Services', 3], ['Technology', 2], ['Retail & Consumer Goods', 2]] },
  { name: 'AB Communication', weight: 3, industries: [['Media & Marketing', 6], ['Non-profit & Development', 1], ['BPO & Shared Services', 1]] },
  { name: 'AB Political Science', weight: 2, industries: [['Government & Public Sector', 3], ['Law', 2], ['Non-profit & Development', 2]] },
  { name: 'BS Psychology', weight: 3, industries: [['BPO & Shared Services', 3], ['Healthcare', 2], ['Education', 2]] },
  { name: 'BS Secondary Education', weight: 4, industries: [['Education', 8], ['Government & Public Sector', 1]] },
  { name: 'BS Agriculture', weight: 2, industries: [['Agriculture & Food', 6], ['Government & Public Sector', 1], ['Non-profit & Development', 1]] },
  { name: 'BS Fisheries', weight: 1, industries: [['Agriculture & Food', 5], ['Government & Public Sector', 1]] },
  { name: 'BS Biology', weight: 2, industries: [['Healthcare', 3], ['Education', 2], ['Non-profit & Development', 1], ['Agriculture & Food', 1]] },
  { name: 'BS Mathematics', weight: 1, industries: [['Financial Services', 2], ['Technology', 2], ['Education', 2]] },
  { name: 'BS Statistics', weight: 1, industries: [['Financial Services', 2], ['Technology', 2], ['Government & Public Sector', 2]] },
  { name: 'BS Hospitality Management', weight: 3, industries: [['Hospitality & Tourism', 7], ['Retail & Consumer Goods', 1]] },
  { name: 'Master of Public Administration', weight: 1, industries: [['Government & Public Sector', 4], ['Non-profit & Development', 2]] },
  { name: 'Juris Doctor', weight: 2, industries: [['Law', 7], ['Government & Public Sector', 1]] },
];

const programmeWeights = programmes.map((p) => [p, p.weight] as const);
const cultureWeights = cultures.map((c) => [c, c.weight] as const);

const hobbies = [
  'Outside work I run half-marathons.', 'I volunteer with the alumni scholarship committee.', 'Weekends are for diving whenever I can get to the coast.',
  'I play in a community basketball league.', 'I bake bread and read too many history books.', 'I coach a youth chess club.',
  'Proud parent of two and a very spoiled aspin.', 'Learning a new language, slowly.', 'I sing with a community choir.',
  'Amateur photographer of street food.', 'I grow orchids on a small balcony.', 'Trail running and mountain climbs keep me sane.',
  'I tutor high-school students in maths on Saturdays.', 'Board-game nights are a family tradition.',
];
const lessons = [
  'careers are rarely linear', 'the best opportunities come through people', 'asking good questions beats knowing every answer',
  'follow-through matters as much as talent', 'you grow fastest just outside your comfort zone', 'a good manager changes everything',
];
const formatWords: Record<MeetingFormat, string> = { video: 'video calls', phone: 'phone calls', in_person: 'meeting in person', chat: 'chat' };

// ---------------------------------------------------------------------------------------------
// People

export interface GeneratedProfile {
  headline: string;
  bio: string;
  goals: string;
  skills: string[];
  industry: string;
  company: string;
  position: string;
  location: string;
  timeZone: string;
  languages: string[];
  graduationYear: number;
  programme: string;
  linkedinUrl: string | null;
  websiteUrl: string | null;
}

export interface GeneratedMentor {
  expertise: string[];
  yearsOfExperience: number;
  mentoringBio: string;
  meetingFormats: MeetingFormat[];
  capacity: number;
  acceptingMentees: boolean;
  /** `YYYY-MM-DD` or null. */
  awayUntil: string | null;
  approvedAt: Date;
  applicationStatement: string;
  applicationCreatedAt: Date;
}

export interface GeneratedAlumnus {
  index: number;
  /** The `sub` claim the portal would send for this person. */
  subject: string;
  name: string;
  email: string;
  culture: string;
  createdAt: Date;
  profile: GeneratedProfile;
  mentor: GeneratedMentor | null;
}

export interface GenerateOptions {
  /** "Now" for dates (graduation years, away-until, approvals); default 2026-11-28T09:00:00Z. */
  now?: Date;
  /** Share of mentors, spread evenly by index: exactly round(count × share). Default 0.2. */
  mentorShare?: number;
  /** Prefix of each person's `subject`; default `alumnus-<seed>`. */
  subjectPrefix?: string;
}

export const DEFAULT_NOW = new Date('2026-11-28T09:00:00Z');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const ascii = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '');

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Whether the person at `index` is a mentor: exactly round(count × share) of any prefix, evenly spread. */
export function isMentorIndex(index: number, share: number): boolean {
  return Math.floor((index + 1) * share) > Math.floor(index * share);
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = x.toLocaleLowerCase('en');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Lower-cases ordinary words in running text but keeps acronyms and brands: "NCLEX Preparation" → "NCLEX preparation". */
export function asPhrase(term: string): string {
  return term.replace(/[A-Za-z]+/g, (w) => (/^[A-Z]?[a-z]+$/.test(w) ? w.toLowerCase() : w));
}

const joinList = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, max).replace(/\s+\S*$/, '').trim();
}

/** One alumnus; a pure function of (index, seed, options). */
export function generateAlumnus(index: number, seed: number, options: GenerateOptions = {}): GeneratedAlumnus {
  const now = options.now ?? DEFAULT_NOW;
  const nowYear = now.getUTCFullYear();
  const share = options.mentorShare ?? 0.2;
  const rng = new Rng(mixSeed(seed, index));
  const mentor = isMentorIndex(index, share);

  const culture = rng.weighted(cultureWeights);
  const given = rng.pick(culture.given);
  const family = rng.pick(culture.family);
  const name = `${given} ${family}`;

  // Where they live: home, the Philippines (they studied there), or a hub.
  const r = rng.float();
  let place: Place;
  if (culture.key === 'filipino') place = r < culture.homeShare ? rng.pick(philippines) : rng.pick(hubs);
  else place = r < culture.homeShare ? rng.pick(culture.home) : r < culture.homeShare + 0.25 ? rng.pick(philippines) : rng.pick(hubs);

  // Graduation: recent years are more common; mentors graduated at least five years ago.
  const latest = mentor ? Math.min(nowYear - 5, 2026) : Math.min(nowYear, 2026);
  const span = latest - 1985;
  const graduationYear = 1985 + Math.floor(Math.sqrt(rng.float()) * (span + 1));
  const sinceGraduation = Math.max(0, nowYear - graduationYear);
  // Work experience: the years since graduation, less a gap year or two for some.
  const experience = Math.max(0, sinceGraduation - rng.weighted([[0, 6], [1, 3], [2, 1]] as const));

  const programme = rng.weighted(programmeWeights);
  const industry = rng.chance(0.1) ? rng.pick(industries) : ind(rng.weighted(programme.industries));
  const level = sinceGraduation < 3 ? 0 : sinceGraduation < 8 ? 1 : sinceGraduation < 18 ? 2 : rng.chance(0.55) ? 3 : 2;
  const position = rng.pick(industry.positions[level]!);
  const company = rng.pick(industry.companies);

  const languages = ['English'];
  if (culture.languages.length > 0) {
    if (rng.chance(0.95)) languages.push(culture.languages[0]!);
    if (culture.languages.length > 1 && rng.chance(0.35)) languages.push(rng.pick(culture.languages.slice(1)));
  }
  if (place.country === 'Philippines' && culture.key !== 'filipino' && rng.chance(0.3)) languages.push('Filipino');
  if (place.local && rng.chance(culture.key === 'filipino' ? 0.45 : 0.2)) languages.push(rng.pick(place.local));
  if (rng.chance(0.06)) languages.push(rng.pick(['Spanish', 'Japanese', 'Korean', 'French', 'Mandarin', 'German', 'Arabic']));

  const skills = unique([
    ...rng.sample(industry.skills, rng.int(3, 7)),
    ...rng.sample(genericSkills, rng.int(0, 2)),
  ]);

  // Goals name expertise areas so the match score's goal part has something to find.
  const nextTopics = rng.sample([...industry.expertise, ...genericExpertise], 3).map(asPhrase);
  const nextLevel = industry.positions[Math.min(3, level + 1)]!;
  const goalTemplates = [
    () => `I would like help with ${nextTopics[0]} over the next year, and advice on which skills to build first.`,
    () => `Looking for guidance on ${nextTopics[0]} and ${nextTopics[1]}. I am a ${position} now and want to grow into a ${rng.pick(nextLevel)} role.`,
    () => `My next step involves ${nextTopics[0]}; I would like a mentor who has been there to help me plan the next 12 months, and to talk about ${nextTopics[2]}.`,
    () => `Thinking about working abroad in ${rng.pick(hubs).city}. I want to understand ${nextTopics[0]} and how to make the move without starting over.`,
    () => `Hoping to build confidence in ${nextTopics[0]} and ${nextTopics[1]}, and to hear how other Northbridge alumni grew their careers in ${asPhrase(industry.name)}.`,
  ];
  const goals = mentor && rng.chance(0.5) ? '' : rng.pick(goalTemplates)();

  const years = experience;
  const headline = clip(
    rng.pick([
      `${position} at ${company}`,
      `${position} · ${industry.name}`,
      `${position} at ${company} · ${programme.name} ${graduationYear}`,
      `${position}, ${place.city}`,
    ]),
    140,
  );
  const bio = [
    `${programme.name} graduate of ${UNIVERSITY} (class of ${graduationYear}).`,
    years >= 2
      ? `${years} years in ${asPhrase(industry.name)}; now ${position} at ${company} in ${place.city}.`
      : `Now ${position} at ${company} in ${place.city}.`,
    rng.chance(0.7) ? `I work mostly on ${joinList(rng.sample(skills.filter((s) => industry.skills.includes(s)), 2))}.` : '',
    rng.chance(0.6) ? rng.pick(hobbies) : '',
  ].filter(Boolean).join(' ');

  const handle = `${ascii(given)}-${ascii(family)}-${index.toString(36)}`;
  const profile: GeneratedProfile = {
    headline,
    bio,
    goals,
    skills,
    industry: industry.name,
    company,
    position,
    location: `${place.city}, ${place.country}`,
    timeZone: place.timeZone,
    languages: unique(languages),
    graduationYear,
    programme: programme.name,
    linkedinUrl: rng.chance(0.55) ? `https://www.linkedin.com/in/${handle}` : null,
    websiteUrl: rng.chance(0.06) ? `https://${handle}.example.com/` : null,
  };

  // Accounts were created from the portal over the last several years.
  const createdAt = new Date(now.getTime() - rng.int(560, 2400) * DAY_MS - rng.int(0, 86_399) * 1000);
  const subject = `${options.subjectPrefix ?? `alumnus-${seed}`}-${index}`;
  const email = `${ascii(given)}.${ascii(family)}.${index.toString(36)}@alumni.northbridge.example.edu`;

  let mentorRecord: GeneratedMentor | null = null;
  if (mentor) {
    const expertise = unique([
      ...rng.sample(industry.expertise, rng.int(2, 5)),
      ...rng.sample(genericExpertise, rng.int(1, 2)),
    ]);
    const yearsOfExperience = Math.max(1, Math.min(70, experience));
    const formats: MeetingFormat[] = ['video', 'phone', 'in_person', 'chat'];
    let meetingFormats = formats.filter((f) => rng.chance(f === 'video' ? 0.9 : f === 'chat' ? 0.45 : f === 'phone' ? 0.35 : 0.25));
    if (meetingFormats.length === 0) meetingFormats = ['video'];
    const capacity = rng.weighted([[1, 8], [2, 15], [3, 45], [4, 15], [5, 10], [6, 7]] as const);
    const acceptingMentees = rng.chance(0.86);
    const awayRoll = rng.float();
    const awayUntil = awayRoll < 0.08
      ? isoDay(new Date(now.getTime() + rng.int(3, 60) * DAY_MS))
      : awayRoll < 0.12 ? isoDay(new Date(now.getTime() - rng.int(2, 120) * DAY_MS)) : null;
    const sinceCreated = now.getTime() - createdAt.getTime();
    const applicationCreatedAt = new Date(createdAt.getTime() + Math.floor(rng.float() * (sinceCreated - 40 * DAY_MS)));
    const approvedAt = new Date(applicationCreatedAt.getTime() + rng.int(1, 20) * DAY_MS + rng.int(0, 86_399) * 1000);
    const [e1, e2, e3] = expertise.map(asPhrase);
    const mentoringBio = rng.pick([
      () => `I mentor because someone at ${UNIVERSITY} once did it for me. I can help with ${e1} and ${e2}, and I am happy to talk through ${e3 ?? 'career decisions'}. I prefer ${formatWords[meetingFormats[0]!]} every two or three weeks.`,
      () => `${yearsOfExperience} years in ${asPhrase(industry.name)} taught me that ${rng.pick(lessons)}. I enjoy helping early-career alumni with ${joinList(expertise.slice(0, 3).map(asPhrase))}.`,
      () => `As ${position} at ${company} I hire and coach people every week. Bring me your questions on ${e1}, ${e2} or anything about building a career from ${place.city}.`,
      () => `Happy to share what worked (and what did not) in ${e1}. Mentees should come with a goal for each session; I will come with honest feedback.`,
    ])();
    const applicationStatement = `I would like to give back to ${UNIVERSITY} by mentoring alumni in ${joinList(expertise.slice(0, 2))}. I have ${yearsOfExperience} years of experience in ${asPhrase(industry.name)} and have coached junior colleagues at ${company}.`;
    mentorRecord = {
      expertise,
      yearsOfExperience,
      mentoringBio,
      meetingFormats,
      capacity,
      acceptingMentees,
      awayUntil,
      approvedAt,
      applicationStatement,
      applicationCreatedAt,
    };
  }

  return { index, subject, name, email, culture: culture.key, createdAt, profile, mentor: mentorRecord };
}

/** A stream of `count` alumni starting at index `from`; deterministic for (seed, options). */
export function* generateAlumni(count: number, seed: number, options: GenerateOptions & { from?: number } = {}): Generator<GeneratedAlumnus> {
  const from = options.from ?? 0;
  for (let i = from; i < from + count; i++) yield generateAlumnus(i, seed, options);
}

/** Search words from the generator's vocabulary (industries, expertise), for benchmarks. */
export function searchVocabulary(): { terms: string[]; expertise: string[] } {
  return {
    terms: unique(industries.flatMap((i) => i.words)),
    expertise: unique([...industries.flatMap((i) => i.expertise), ...genericExpertise]),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

const UUID_NAMESPACE = 'mentorkit-demo-data';

/** A name-based (v5-style) UUID: the same name always gives the same id. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(UUID_NAMESPACE).update('\u0000').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const userIdFor = (issuer: string, subject: string) => stableUuid(`user|${issuer}|${subject}`);

/** What history generation needs to know about a written alumnus (the long texts are dropped). */
export interface WrittenAlumnus {
  id: string;
  index: number;
  subject: string;
  name: string;
  createdAt: Date;
  skills: string[];
  goals: string;
  mentor: null | {
    capacity: number;
    acceptingMentees: boolean;
    awayUntil: string | null;
    approvedAt: Date;
    expertise: string[];
  };
}

/** What `insertAlumni` returns for a person it wrote (ids depend on the issuer and subject only). */
export function writtenAlumnus(p: GeneratedAlumnus, issuer: string): WrittenAlumnus {
  return {
    id: userIdFor(issuer, p.subject),
    index: p.index,
    subject: p.subject,
    name: p.name,
    createdAt: p.createdAt,
    skills: p.profile.skills,
    goals: p.profile.goals,
    mentor: p.mentor
      ? { capacity: p.mentor.capacity, acceptingMentees: p.mentor.acceptingMentees, awayUntil: p.mentor.awayUntil, approvedAt: p.mentor.approvedAt, expertise: p.mentor.expertise }
      : null,
  };
}

export interface InsertOptions {
  issuer: string;
  batchSize?: number;
  /** Recorded as the admin who approved the generated mentors' applications. */
  decidedBy?: string | null;
  /**
   * Batches written at once, each on its own pooled connection (default 1). Only for a pool:
   * inside a transaction there is one connection and concurrency gains nothing.
   */
  concurrency?: number;
}

type Db = Kysely<Database>;

/** Multi-row INSERTs in batches (PostgreSQL allows 65,535 parameters per statement). */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[], batchSize = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    // Kysely's insert types are per table; the rows were typed by the caller.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + batchSize) as any).execute();
  }
}

/**
 * Writes alumni in batches: users, then profiles, then (for mentors) approved applications and
 * mentor rows, each batch as one multi-row INSERT. Ids are derived from (issuer, subject), so the
 * same people always get the same ids. Pass a transaction to make it all-or-nothing.
 */
export async function insertAlumni(db: Db, people: Iterable<GeneratedAlumnus>, options: InsertOptions): Promise<WrittenAlumnus[]> {
  const batchSize = options.batchSize ?? 1000;
  const flush = async (batch: GeneratedAlumnus[]): Promise<WrittenAlumnus[]> => {
    const ids = batch.map((p) => userIdFor(options.issuer, p.subject));
    const users: Insertable<UsersTable>[] = batch.map((p, i) => ({
      id: ids[i]!,
      issuer: options.issuer,
      subject: p.subject,
      name: p.name,
      email: p.email,
      avatar_url: null,
      is_admin: false,
      calendar_feed_token: null,
      created_at: p.createdAt,
      updated_at: p.createdAt,
      deleted_at: null,
    }));
    const profiles: Insertable<ProfilesTable>[] = batch.map((p, i) => ({
      user_id: ids[i]!,
      headline: p.profile.headline,
      bio: p.profile.bio,
      goals: p.profile.goals,
      skills: p.profile.skills,
      industry: p.profile.industry,
      company: p.profile.company,
      position: p.profile.position,
      location: p.profile.location,
      time_zone: p.profile.timeZone,
      languages: p.profile.languages,
      graduation_year: p.profile.graduationYear,
      programme: p.profile.programme,
      linkedin_url: p.profile.linkedinUrl,
      website_url: p.profile.websiteUrl,
      updated_at: p.createdAt,
    }));
    const applications: Insertable<MentorApplicationsTable>[] = [];
    const mentors: Insertable<MentorsTable>[] = [];
    batch.forEach((p, i) => {
      if (!p.mentor) return;
      const m = p.mentor;
      const applicationId = stableUuid(`application|${ids[i]}`);
      applications.push({
        id: applicationId,
        user_id: ids[i]!,
        status: 'approved',
        expertise: m.expertise,
        years_of_experience: m.yearsOfExperience,
        statement: m.applicationStatement,
        links: p.profile.linkedinUrl ? [p.profile.linkedinUrl] : [],
        decision_notes: null,
        decided_by: options.decidedBy ?? null,
        decided_at: m.approvedAt,
        created_at: m.applicationCreatedAt,
        updated_at: m.approvedAt,
      });
      mentors.push({
        user_id: ids[i]!,
        application_id: applicationId,
        status: 'active',
        accepting_mentees: m.acceptingMentees,
        capacity: m.capacity,
        away_until: m.awayUntil,
        expertise: m.expertise,
        years_of_experience: m.yearsOfExperience,
        mentoring_bio: m.mentoringBio,
        meeting_formats: m.meetingFormats,
        approved_at: m.approvedAt,
        updated_at: m.approvedAt,
      });
    });
    await db.insertInto('users').values(users).execute();
    await db.insertInto('profiles').values(profiles).execute();
    if (applications.length) await db.insertInto('mentor_applications').values(applications).execute();
    if (mentors.length) await db.insertInto('mentors').values(mentors).execute();
    return batch.map((p) => writtenAlumnus(p, options.issuer));
  };
  // Batches run `concurrency` at a time (each on its own pooled connection); results keep order.
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const results: WrittenAlumnus[][] = [];
  const running = new Set<Promise<void>>();
  let failure: unknown;
  const start = (batch: GeneratedAlumnus[]) => {
    const slot = results.length;
    results.push([]);
    const job = flush(batch).then(
      (rows) => { results[slot] = rows; },
      (err: unknown) => { failure ??= err; },
    ).finally(() => { running.delete(job); });
    running.add(job);
  };
  let batch: GeneratedAlumnus[] = [];
  for (const person of people) {
    batch.push(person);
    if (batch.length >= batchSize) {
      start(batch);
      batch = [];
      if (running.size >= concurrency) await Promise.race(running);
      if (failure) break;
    }
  }
  if (batch.length > 0 && !failure) start(batch);
  await Promise.all(running);
  if (failure) throw failure;
  return results.flat();
}

// ---------------------------------------------------------------------------------------------
// History: requests, mentorships, conversations, feedback

/** Per-mentor shape of the history; unset parts are drawn at random. */
export interface MentorHistoryPlan {
  /** Active + paused mentorships now (capped at capacity). */
  open?: number;
  completed?: number;
  declined?: number;
  pending?: number;
}

export interface HistoryOptions {
  now: Date;
  seed: number;
  /** Share of mentors that get history (default 0.6); mentors in `plans` always do. */
  share?: number;
  batchSize?: number;
  /** Fixed plans for some mentors (by user id). */
  plans?: Map<string, MentorHistoryPlan>;
  /** Who may appear as a mentee; default everybody written. Never the mentor themself. */
  mentees?: WrittenAlumnus[];
  /** Called after each stage with its duration in milliseconds (for benchmarks). */
  onStage?: (stage: string, ms: number) => void;
}

export interface HistoryCounts {
  requests: number;
  mentorships: number;
  feedback: number;
  conversations: number;
}

const declineReasonWeights = [
  ['not_enough_time', 5], ['expertise_mismatch', 3], ['better_fit_elsewhere', 2], ['mentor_unavailable', 1], ['other', 1],
] as const;
const declineMessages = [
  'My calendar is full until next quarter, sorry!',
  'I think someone with more hands-on experience in this area would help you more.',
  'Please try again in a few months; I would be glad to help then.',
  'Your goals are a better match for another mentor in the directory.',
];
const feedbackComments = [
  'Practical advice every session; I came away with a clear plan.',
  'Generous with time and contacts. Highly recommended.',
  'Helped me prepare for interviews and I got the offer!',
  'Honest feedback that I needed to hear.',
  'Good sessions, though scheduling across time zones was tricky.',
  'Great listener; the milestones kept me accountable.',
  '',
];
const requestMessages = [
  'Hi! I found your profile through the alumni portal and would love to learn from your experience.',
  'Fellow Northbridge alum here. Would you have time for a few sessions this quarter?',
  'Your career path is close to what I hope to do. I would be grateful for your guidance.',
  '',
];

/**
 * Writes a plausible past for some mentors: accepted requests that became mentorships (active,
 * paused, completed, a few cancelled), declined, expired and pending requests, a conversation per
 * mentorship and the mentee's rating of completed ones. Respects every constraint: open
 * mentorships never exceed capacity, one open mentorship and one pending request per pair, at
 * most five pending requests per mentee, nobody mentors themself. Then sets each mentor's
 * `median_response_hours` in SQL.
 */
export async function insertHistory(db: Db, alumni: WrittenAlumnus[], options: HistoryOptions): Promise<HistoryCounts> {
  const { now, seed } = options;
  const nowMs = now.getTime();
  const share = options.share ?? 0.6;
  const batchSize = options.batchSize ?? 1000;
  const pool = options.mentees ?? alumni;
  // Mostly people without a mentor record ask for mentoring; mentors sometimes do too.
  const menteePool = pool.filter((a) => a.mentor === null);
  const mentorMentees = pool.filter((a) => a.mentor !== null);
  const pendingPerMentee = new Map<string, number>();
  const today = isoDay(now);

  const requests: Insertable<MentorshipRequestsTable>[] = [];
  const mentorships: Insertable<MentorshipsTable>[] = [];
  const conversations: Insertable<ConversationsTable>[] = [];
  const feedback: Insertable<FeedbackTable>[] = [];

  const mentors = alumni.filter((a) => a.mentor !== null);
  let serial = 0;
  const scope = `${seed}|${alumni[0]?.id ?? ''}|${alumni.length}`;
  const newId = (kind: string) => stableUuid(`${kind}|${scope}|${serial++}`);

  for (const mentor of mentors) {
    const m = mentor.mentor!;
    const rng = new Rng(mixSeed(seed ^ 0x5eed, mentor.index));
    const fixed = options.plans?.get(mentor.id);
    if (!fixed && !rng.chance(share)) continue;
    const plan: MentorHistoryPlan = fixed ?? {};

    // Open mentorships: some full, some with one slot left, the rest with room.
    const away = m.awayUntil !== null && m.awayUntil >= today;
    const roll = rng.float();
    let open = plan.open ?? (roll < 0.2 ? m.capacity : roll < 0.45 ? m.capacity - 1 : rng.int(0, Math.max(0, m.capacity - 2)));
    open = Math.max(0, Math.min(open, m.capacity));
    const completed = plan.completed ?? rng.weighted([[0, 3], [1, 4], [2, 3], [3, 2], [4, 1]] as const);
    const cancelled = fixed ? 0 : rng.chance(0.08) ? 1 : 0;
    const declined = plan.declined ?? rng.weighted([[0, 3], [1, 4], [2, 3], [3, 1]] as const);
    const expired = fixed ? 0 : rng.chance(0.15) ? 1 : 0;
    const canReceive = m.acceptingMentees && !away && open < m.capacity;
    const pending = plan.pending ?? (canReceive && rng.chance(0.3) ? rng.int(1, 2) : 0);

    // Requests reach a mentor only after approval; old history starts at most 18 months back.
    const approved = m.approvedAt.getTime();
    const windowStart = Math.max(approved + DAY_MS, nowMs - 540 * DAY_MS);
    const recentStart = Math.max(approved + DAY_MS, nowMs - 88 * DAY_MS);
    if (windowStart >= nowMs - 2 * DAY_MS) continue; // approved too recently to have a past

    const needed = open + completed + cancelled + declined + expired + pending;
    const chosen = new Set<string>();
    const candidates: WrittenAlumnus[] = [];
    for (let attempts = 0; candidates.length < needed && attempts < needed * 20; attempts++) {
      const from = menteePool.length === 0 || (mentorMentees.length > 0 && rng.chance(0.1)) ? mentorMentees : menteePool;
      if (from.length === 0) break;
      const c = rng.pick(from);
      if (c.id === mentor.id || chosen.has(c.id)) continue;
      chosen.add(c.id);
      candidates.push(c);
    }
    let next = 0;
    const takeMentee = (forPending = false): WrittenAlumnus | undefined => {
      for (; next < candidates.length; next++) {
        const c = candidates[next]!;
        if (forPending && (pendingPerMentee.get(c.id) ?? 0) >= 5) continue;
        next++;
        return c;
      }
      return undefined;
    };

    // This mentor's typical reply time: from about an hour to a few days.
    const typicalHours = Math.exp(Math.log(1.5) + rng.float() * (Math.log(96) - Math.log(1.5)));
    const replyHours = () => Math.min(13 * 24, Math.max(0.25, typicalHours * Math.exp(0.6 * rng.normal())));
    const between = (from: number, to: number) => from + rng.float() * Math.max(0, to - from);

    const goalsOf = (mentee: WrittenAlumnus) =>
      mentee.goals.length >= 20 ? mentee.goals : `I would like guidance on ${m.expertise[0] ? asPhrase(m.expertise[0]) : 'my career'} and on planning my next career step.`;
    const baseRequest = (mentee: WrittenAlumnus, createdMs: number) => ({
      id: newId('request'),
      mentee_id: mentee.id,
      mentor_id: mentor.id,
      goals: goalsOf(mentee),
      skills_seeking: rng.sample(m.expertise, Math.min(m.expertise.length, rng.int(1, 3))),
      message: rng.pick(requestMessages),
      created_at: new Date(createdMs),
      expires_at: new Date(createdMs + 14 * DAY_MS),
      decline_reason: null,
      decline_message: null,
      reminded_at: null,
    });
    /** A request answered some hours after it was made, never after now. */
    const answered = (mentee: WrittenAlumnus, from: number, to: number) => {
      const created = between(from, to);
      let responded = created + replyHours() * HOUR_MS;
      if (responded > nowMs - 60_000) responded = created + (nowMs - 60_000 - created) * (0.2 + 0.6 * rng.float());
      return { created, responded };
    };
    const addMentorship = (mentee: WrittenAlumnus, requestId: string, started: number, status: 'active' | 'paused' | 'completed' | 'cancelled', ended: number | null) => {
      const id = newId('mentorship');
      mentorships.push({
        id,
        request_id: requestId,
        mentor_id: mentor.id,
        mentee_id: mentee.id,
        status,
        started_at: new Date(started),
        ended_at: ended === null ? null : new Date(ended),
        end_reason: status === 'cancelled' ? 'We agreed to stop: my work schedule changed.' : status === 'completed' ? 'Goals reached.' : null,
        target_end_date: isoDay(new Date(started + rng.int(60, 180) * DAY_MS)),
        updated_at: new Date(ended ?? started),
      });
      conversations.push({ id: newId('conversation'), mentorship_id: id, created_at: new Date(started), last_message_at: null });
      return id;
    };

    for (let i = 0; i < open; i++) {
      const mentee = takeMentee();
      if (!mentee) break;
      const { created, responded } = answered(mentee, recentStart, nowMs - 2 * DAY_MS);
      const req = { ...baseRequest(mentee, created), status: 'accepted' as const, responded_at: new Date(responded) };
      requests.push(req);
      addMentorship(mentee, req.id, responded, rng.chance(0.1) ? 'paused' : 'active', null);
    }
    for (let i = 0; i < completed + cancelled; i++) {
      const mentee = takeMentee();
      if (!mentee) break;
      // Some finished recently (their requests count towards the median), others long ago.
      const recent = rng.chance(0.4) && recentStart < nowMs - 40 * DAY_MS;
      const { created, responded } = recent
        ? answered(mentee, recentStart, nowMs - 40 * DAY_MS)
        : answered(mentee, windowStart, Math.max(windowStart, nowMs - 120 * DAY_MS));
      const ended = Math.min(nowMs - DAY_MS, responded + rng.int(21, 180) * DAY_MS);
      if (ended <= responded) continue;
      const req = { ...baseRequest(mentee, created), status: 'accepted' as const, responded_at: new Date(responded) };
      requests.push(req);
      const status = i < completed ? 'completed' : 'cancelled';
      const mentorshipId = addMentorship(mentee, req.id, responded, status, ended);
      if (status === 'completed' && rng.chance(0.8)) {
        const at = Math.min(nowMs - 60_000, ended + rng.int(0, 5 * 24) * HOUR_MS);
        feedback.push({
          id: newId('feedback'),
          mentorship_id: mentorshipId,
          author_id: mentee.id,
          subject_id: mentor.id,
          rating: rng.weighted([[5, 55], [4, 30], [3, 10], [2, 4], [1, 1]] as const),
          comment: rng.pick(feedbackComments),
          created_at: new Date(at),
        });
      }
    }
    for (let i = 0; i < declined; i++) {
      const mentee = takeMentee();
      if (!mentee) break;
      const { created, responded } = rng.chance(0.8)
        ? answered(mentee, recentStart, nowMs - DAY_MS)
        : answered(mentee, windowStart, nowMs - DAY_MS);
      requests.push({
        ...baseRequest(mentee, created),
        status: 'declined',
        responded_at: new Date(responded),
        decline_reason: rng.weighted(declineReasonWeights),
        decline_message: rng.chance(0.6) ? rng.pick(declineMessages) : null,
      });
    }
    for (let i = 0; i < expired; i++) {
      const mentee = takeMentee();
      if (!mentee) break;
      const created = between(Math.max(windowStart, nowMs - 85 * DAY_MS), nowMs - 15 * DAY_MS);
      if (created < windowStart) continue;
      // The reminder job (three days without an answer) ran on these, as it would have.
      requests.push({ ...baseRequest(mentee, created), status: 'expired', responded_at: null, reminded_at: new Date(created + 3 * DAY_MS + rng.int(0, 5) * HOUR_MS) });
    }
    for (let i = 0; i < pending; i++) {
      const mentee = takeMentee(true);
      if (!mentee) break;
      const created = between(nowMs - 6 * DAY_MS, nowMs - HOUR_MS);
      pendingPerMentee.set(mentee.id, (pendingPerMentee.get(mentee.id) ?? 0) + 1);
      // Waiting more than three days: the reminder job has already nudged the mentor.
      const reminded = Math.min(nowMs, created + 3 * DAY_MS + rng.int(0, 5) * HOUR_MS);
      requests.push({ ...baseRequest(mentee, created), status: 'pending', responded_at: null, reminded_at: nowMs - created >= 3 * DAY_MS ? new Date(reminded) : null });
    }
  }

  let mark = performance.now();
  const stage = (name: string) => {
    const at = performance.now();
    options.onStage?.(name, at - mark);
    mark = at;
  };
  stage('plan');
  await insertRows(db, 'mentorship_requests', requests, batchSize);
  stage('mentorship_requests');
  await insertRows(db, 'mentorships', mentorships, batchSize);
  stage('mentorships');
  await insertRows(db, 'conversations', conversations, batchSize);
  stage('conversations');
  await insertRows(db, 'feedback', feedback, batchSize);
  stage('feedback');
  await refreshMedianResponseHours(db, now);
  stage('median_response_hours');
  return { requests: requests.length, mentorships: mentorships.length, feedback: feedback.length, conversations: conversations.length };
}

/**
 * Every mentor's median hours from request to answer (accepted or declined) over the 90 days
 * before `now`, the same rule as the request routes use for one mentor, for all in one UPDATE.
 */
export async function refreshMedianResponseHours(db: Db, now: Date): Promise<void> {
  await sql`
    UPDATE mentors m SET median_response_hours = s.hours
    FROM (
      SELECT r.mentor_id,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.responded_at - r.created_at) / 3600.0) AS hours
      FROM mentorship_requests r
      WHERE r.responded_at IS NOT NULL AND r.status IN ('accepted', 'declined')
        AND r.responded_at > ${now}::timestamptz - interval '90 days'
      GROUP BY r.mentor_id
    ) s
    WHERE m.user_id = s.mentor_id AND m.median_response_hours IS DISTINCT FROM s.hours`.execute(db);
}
