export { loadConfig, ConfigError, type AppConfig } from './loadConfig';
