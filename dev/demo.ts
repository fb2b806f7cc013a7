import { defaultProfile } from '../src/core/profile/profile.ts';
import { addProfile, defaultBook } from '../src/core/profile/profile-book.ts';
import { PROFILES_KEY, secretKey } from '../src/core/view/stored-records.ts';
import { confidentialClient, startProvider, type RunningProvider } from './provider.ts';

/** The local demo both launchers start (`npm start`, `npm run start:firefox`): one provider, one client. */
const PORT = Number(process.env.DEMO_PORT ?? 4010);
const CLIENT_ID = 'demo-app';
const SECRET = 'demo secret: with+reserved&chars%';

export const hasDisplay =
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

export interface Demo {
  idp: RunningProvider;
  /** What to write into the extension's storage: the first-run profile plus "Local demo", selected, and its secret. */
  records: { local: Record<string, unknown>; session: Record<string, unknown> };
}

/** Starts the provider with the demo client registered for `redirectUri`, and prints how to use it. */
export async function startDemo(redirectUri: string): Promise<Demo> {
  const idp = await startProvider({
    port: PORT,
    clients: [confidentialClient(CLIENT_ID, SECRET, [redirectUri])],
  });
  const demo = {
    ...defaultProfile(redirectUri),
    id: 'local-demo',
    name: 'Local demo',
    rememberSecret: false,
    issuer: idp.issuer,
    clientId: CLIENT_ID,
    scopes: 'openid profile email',
    endpoints: {
      authorization: `${idp.issuer}/oauth2/authorize`,
      token: `${idp.issuer}/oauth2/token`,
      jwks: `${idp.issuer}/jwks`,
    },
  };
  console.log(`
Local demo provider (oidc-provider; any username and password log in)
  Issuer         ${idp.issuer}
  Client ID      ${CLIENT_ID}
  Client secret  ${SECRET}
  Redirect URI   ${redirectUri}
`);
  process.on('SIGINT', () => void idp.close().then(() => process.exit(0)));
  return {
    idp,
    records: {
      local: { [PROFILES_KEY]: addProfile(defaultBook(redirectUri), demo) },
      session: { [secretKey(demo.id)]: SECRET },
    },
  };
}
