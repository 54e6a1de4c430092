export { loadConfig, ConfigError, type AppConfig } from './loadConfig';
export { decodeEncryptionKey } from './encryptionKey';
