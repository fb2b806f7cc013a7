import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const POLYFILL = { name: 'webextension-polyfill', message: 'Only src/platform/ calls browser APIs.' };

/** One `no-restricted-imports` setting per room; a file in two rooms gets the later one. */
const rooms = (list) =>
  list.map(({ files, forbid, allowPolyfill }) => ({
    files,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: allowPolyfill ? [] : [POLYFILL], patterns: forbid },
      ],
      ...(allowPolyfill
        ? {}
        : { 'no-restricted-globals': ['error', { name: 'chrome', message: POLYFILL.message }] }),
    },
  }));

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Provider data is untrusted: never rendered as HTML (design.md security rules).
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render provider data as text only.',
        },
      ],
    },
  },
  // Rooms and their doors (design.md), as import rules: a forbidden import fails `npm run lint`.
  ...rooms([
    {
      // core is pure: it imports nothing of ours but core.
      files: ['src/core/**'],
      forbid: [
        { regex: '(^|/)(background|platform|popup|inspector|trace|ui)/', message: 'core imports only core.' },
        { regex: '(^|/)messages\\.ts$', message: 'core imports only core.' },
      ],
    },
    {
      // platform wraps browser APIs and imports nothing of ours but its own interface.
      files: ['src/platform/*.ts'],
      forbid: [{ regex: '^\\.\\./', message: 'platform imports nothing of ours.' }],
      allowPolyfill: true,
    },
    {
      // Each browser's implementation imports only the platform's interface.
      files: ['src/platform/*/**'],
      forbid: [{ regex: '^\\.\\./(?!browser-traits\\.ts$)', message: 'platform imports nothing of ours.' }],
      allowPolyfill: true,
    },
    {
      files: ['src/background/**'],
      forbid: [{ regex: '(^|/)(popup|inspector|trace|ui)/', message: 'The worker does not import pages.' }],
    },
    {
      // Pages and their shared parts: the worker's doors are messages, storage is read-only here, and
      // of core only the view helpers are values (the rest is `import type`).
      files: ['src/popup/**', 'src/inspector/**', 'src/trace/**', 'src/ui/**', 'src/messages.ts'],
      forbid: [
        { regex: '(^|/)background/', message: 'Pages talk to the worker through messages.ts.' },
        { regex: '(^|/)platform/storage-write', message: 'Only the worker writes storage.' },
        { regex: '(^|/)platform/key-store', message: 'Only the worker opens the key store.' },
        {
          regex: '(^|/)core/(?!view/)',
          allowTypeImports: true,
          message: 'Pages use core/view/ helpers; anything else from core is `import type`.',
        },
      ],
    },
    {
      files: ['src/ui/**'],
      forbid: [
        {
          regex: '(^|/)(background|popup|inspector|trace)/',
          message: 'ui/ is shared by the pages, never one page.',
        },
        { regex: '(^|/)platform/storage-write', message: 'Hooks in ui/ read and subscribe, never write.' },
        {
          regex: '(^|/)core/(?!view/)',
          allowTypeImports: true,
          message: 'Pages use core/view/ helpers; anything else from core is `import type`.',
        },
      ],
    },
    {
      // The trace page's analysis worker computes protocol results, like the service worker: it may
      // use core, and nothing that touches the browser or a page.
      files: ['src/trace/analysis/**'],
      forbid: [
        {
          regex: '(^|/)(background|platform|popup|inspector|ui)/',
          message: 'The analysis worker uses core only.',
        },
        { regex: '(^|/)messages\\.ts$', message: 'The analysis worker uses core only.' },
      ],
    },
  ]),
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'core is pure.' },
        { name: 'fetch', message: 'core is pure: the caller passes fetch.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core is pure: pass the clock.' },
      ],
      // No module-level mutable state (design.md): what core needs is passed in, words included.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Program > VariableDeclaration[kind!='const'], ExportNamedDeclaration > VariableDeclaration[kind!='const']",
          message: 'core holds no module-level mutable state: pass it in.',
        },
      ],
    },
  },
);
