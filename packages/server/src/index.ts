export { createApp, API_BASE, type App } from './app.js';
export { loadConfig, ConfigError, type Config } from './config.js';
export { openDatabase, openPGlite, openPostgres, type DatabaseHandle } from './db/connect.js';
export { migrateToLatest } from './db/migrate.js';
export { createVerifier, signToken, type TokenVerifier } from './auth/verify.js';
export { createLogger, type Logger } from './http/logger.js';
export type { AppDeps } from './http/env.js';
export { openApiDocument } from './routes.js';
