/** The `prompt` values the form offers (OIDC Core §3.1.2.1); '' means the parameter is not sent. */
export const PROMPTS = ['login', 'none', 'consent', 'select_account', ''] as const;
export type Prompt = (typeof PROMPTS)[number];
