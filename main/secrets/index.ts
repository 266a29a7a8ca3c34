export { assertSecretKey, secretKeys, type SecretStore } from './secret-store';
export { KeychainSecretStore, isKeychainAvailable, keychainService } from './keychain-secret-store';
export { CachedAvailability } from './keychain-availability';
export { KeychainThread, keychainTimeoutMessage } from './keychain-thread';
export { KeychainUnavailableError, SecretStoreError, noKeychainMessage } from './secret-store-errors';
