export * from './common.js';
export * from './errors.js';
export * from './states.js';
export * from './profile.js';
export * from './mentors.js';
export * from './me.js';
