/** Where the popup keeps its fields: non-secret ones on disk, the secret for the session only. */
export const FORM_KEY = 'form';
export const SECRET_KEY = 'form.clientSecret';
