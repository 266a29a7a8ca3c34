/** Sign-in and tokens: what the agent and the provider adapters use from main/auth. */
export {
  accountIdOf,
  providerLabel,
  type AccountIdentity,
  type AccountTokens,
  type AuthProviderName,
} from './account-tokens';
export { ReauthRequiredError, SignInError, TokenRefreshError, type ReauthReason } from './auth-errors';
export { isReauthError, isUnauthorized, refreshFailureNamed, toTokenError } from './classify-auth-error';
export { forgetAccountSecrets } from './forget-account';
export {
  GoogleAccount,
  createGoogleOAuthClient,
  defaultGoogleScopes,
  importGoogleRefreshToken,
  type GoogleAuthConfig,
} from './google-account';
export {
  MicrosoftAccount,
  createMsalApp,
  defaultMicrosoftScopes,
  importMicrosoftRefreshToken,
  microsoftProductionAuthority,
  type MicrosoftAuthConfig,
} from './microsoft-account';
export { googleProductionEndpoints } from './google-endpoints';
export { SignInSlots, startSignIn, type SignInDeps, type SignInFlow } from './sign-in';
export { withAuthRetry } from './with-auth-retry';
export { importRefreshToken, openAccount, type AccountOf, type AuthDeps } from './open-account';
export {
  googleClientSecretKey,
  oauthClientSources,
  oauthClientsFromEnvironment,
  resolveOAuthClients,
  type GoogleClientConfig,
  type MicrosoftClientConfig,
  type OAuthClientInputs,
  type OAuthClientSource,
  type OAuthClients,
  type ResolvedOAuthClients,
} from './oauth-clients';
export { releaseOAuthClients } from './release-clients';
