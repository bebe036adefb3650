import type { DemoPersona } from '@mentorkit/contract';

/** The demo's fixed people. The seed gives them profiles (and mentor records for the mentors). */
export const personas: Record<DemoPersona, { sub: string; name: string; email: string; roles: string[] }> = {
  mentee: { sub: 'demo-mentee', name: 'Maria Santos', email: 'maria.santos@alumni.example.edu', roles: [] },
  mentee2: { sub: 'demo-mentee-2', name: 'Kwame Mensah', email: 'kwame.mensah@alumni.example.edu', roles: [] },
  mentor: { sub: 'demo-mentor', name: 'Ana Villanueva', email: 'ana.villanueva@alumni.example.edu', roles: [] },
  mentor2: { sub: 'demo-mentor-2', name: 'Rahul Iyer', email: 'rahul.iyer@alumni.example.edu', roles: [] },
  admin: { sub: 'demo-admin', name: 'Grace Lim', email: 'grace.lim@alumni.example.edu', roles: ['admin'] },
};
