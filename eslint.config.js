// Lint rules, including the one-way dependency rules of docs/ARCHITECTURE.md:
// core imports nothing of ours outside core and no I/O; repositories do not import services or
// routes; services do not import routes; the web imports only the pure core from src/.
import tseslint from "typescript-eslint";

const io = [
  "fs",
  "node:fs",
  "fs/promises",
  "node:fs/promises",
  "http",
  "node:http",
  "net",
  "node:net",
  "child_process",
  "node:child_process",
  "fastify",
  "kysely",
  "pg",
  "better-sqlite3",
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "bench/out/**",
      "bin/**",
      "eslint.config.js",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["web/vite.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: io.map((name) => ({
            name,
            message: "src/core is pure: no I/O or framework imports.",
          })),
          patterns: [
            {
              group: [
                "**/db/**",
                "**/modules/**",
                "**/server/**",
                "**/cli/**",
                "../../db/*",
                "../../modules/*",
              ],
              message: "src/core imports nothing outside src/core.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/modules/**/*.repository.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.service.js", "**/*.routes.js", "**/server/**"],
              message: "Repositories depend only on the database and core.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/modules/**/*.service.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.routes.js", "**/server/**"],
              message: "Services do not depend on routes or the HTTP server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["web/src/**/*.ts", "web/src/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/src/db/**", "**/src/modules/**", "**/src/server/**", "**/src/cli/**"],
              message: "The web app may import only src/core from the server tree.",
            },
          ],
        },
      ],
    },
  },
);
