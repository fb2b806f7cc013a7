/**
 * A small hand-made HAR: a login whose callback came back with another `state` (one attempt, a failed
 * check and a diagnosis). For the accessibility test and the screenshots.
 */
export const FORGED_STATE_HAR = JSON.stringify({
  log: {
    version: '1.2',
    entries: [
      [
        'GET',
        'https://op.example/authorize?response_type=code&client_id=spa&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=s1',
        302,
      ],
      ['GET', 'https://app.example/cb?code=abc&state=forged', 200],
    ].map(([method, url, status], i) => ({
      startedDateTime: new Date(Date.UTC(2026, 10, 29, 12, 0, i)).toISOString(),
      request: { method, url, headers: [] },
      response: { status, headers: [], content: { mimeType: 'text/html', text: '' } },
    })),
  },
});
