/**
 * The sandbox's sign-in page and its other HTML: plain forms a person (or a test with fetch) can use,
 * no scripts and no external assets, so it works offline and under any CSP.
 */

/** What the sign-in form shows. */
export interface SignInPageModel {
  providerName: string;
  clientName: string;
  action: string;
  scopes: string[];
  users: string[];
  email?: string;
  error?: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
label{display:block;margin:1rem 0 .25rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin:1rem .5rem 0 0;padding:.5rem 1.25rem;font-size:1rem}.error{color:#b42318;font-weight:600}
.hint{color:#57606a;font-size:.9rem}ul{padding-left:1.25rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

/** The combined sign-in and consent form: an Email field, Allow and Deny. */
export function renderSignInPage(model: SignInPageModel): string {
  const error = model.error ? `<p class="error" role="alert">${escapeHtml(model.error)}</p>` : '';
  const scopes = model.scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('');
  const users = model.users.map(escapeHtml).join(', ');
  return page(
    `Sign in – ${model.providerName}`,
    `<h1>Sign in to ${escapeHtml(model.providerName)}</h1>
<p><strong>${escapeHtml(model.clientName)}</strong> asks for access to:</p><ul>${scopes}</ul>
${error}
<form method="post" action="${escapeHtml(model.action)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" autofocus value="${escapeHtml(model.email ?? '')}">
<p class="hint">Sandbox accounts: ${users}</p>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form>`,
  );
}

/** An OAuth error shown to the person when it cannot be sent back to the app. */
export function renderErrorPage(error: string, description: string): string {
  return page(
    'Sign-in error',
    `<h1>Sign-in error</h1><p class="error" role="alert">${escapeHtml(error)}</p><p>${escapeHtml(description)}</p>`,
  );
}

/** A page with a heading and trusted HTML (e.g. oidc-provider's own logout form). */
export function renderMessagePage(title: string, trustedHtml: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>${trustedHtml}`);
}
