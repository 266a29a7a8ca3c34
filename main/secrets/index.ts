export { assertSecretKey, secretKeys, type SecretStore } from './secret-store';
export { KeychainSecretStore, isKeychainAvailable, keychainService } from './keychain-secret-store';
export { KeychainUnavailableError, SecretStoreError, noKeychainMessage } from './secret-store-errors';
