/**
 * Plays the person at the browser with fetch: opens the authorization URL, fills the sign-in form's Email field,
 * presses Allow or Deny, and follows the redirects until the browser lands on the agent's loopback page.
 */
export async function signInAtBrowser(
  authUrl: string,
  email: string,
  decision: 'allow' | 'deny',
): Promise<string> {
  const cookies = new Map<string, string>();
  let url = new URL(authUrl);
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form?.toString(),
    });
    form = undefined;
    for (const header of response.headers.getSetCookie()) {
      const [name, ...value] = (header.split(';')[0] ?? '').split('=');
      if (name) cookies.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    if (url.hostname === '127.0.0.1' && url.protocol === 'http:') return html;
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('for="email">Email<')) throw new Error(`No sign-in form at ${url.href}`);
    url = new URL(action.replaceAll('&amp;', '&'), url);
    form = new URLSearchParams({ email, decision });
  }
  throw new Error('The browser never came back to the agent.');
}
