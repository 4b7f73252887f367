/**
 * What the console learns at run time from the gateway that serves it (`GET /console-config.json`),
 * so one build runs against any identity provider: nothing environment-specific is built in.
 */
export interface ConsoleConfig {
  /** The OpenID Connect issuer (discovery at `{authority}/.well-known/openid-configuration`). */
  authority: string;
  clientId: string;
  scope: string;
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ConsoleConfig> {
  const response = await fetchImpl('/console-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The gateway did not serve /console-config.json (HTTP ${response.status})`);
  }
  const config = (await response.json()) as Partial<ConsoleConfig>;
  if (!config.authority || !config.clientId) {
    throw new Error('/console-config.json lacks authority or clientId');
  }
  return { authority: config.authority, clientId: config.clientId, scope: config.scope ?? 'openid profile' };
}
