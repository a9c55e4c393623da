import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'web/dist', 'coverage', 'test/e2e/screenshots', 'tmp', 'web/src/api/openapi.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Route handlers get their types from their schemas (src/http/api.ts): no casts of what a request carries.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        {
          selector: "TSAsExpression > MemberExpression.expression[object.name='req'][property.name=/^(params|body|query|headers)$/]",
          message: 'Type the route by its schema (app: Api) instead of casting req.params/body/query.',
        },
        {
          selector: "ImportDeclaration[source.value='fastify'] ImportSpecifier[imported.name='FastifyInstance']",
          message: 'Route files take the typed Api from src/http/api.ts.',
        },
      ],
    },
  },
  {
    files: ['src/http/api.ts', 'src/http/static.ts', 'src/app.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
