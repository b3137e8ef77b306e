// Lint rules, including the one-way dependency rules of docs/ARCHITECTURE.md:
// core imports nothing of ours outside core and no I/O; repositories do not import services or
// routes; services do not import routes; modules do not import the server (src/http is below
// them, src/server wires them); src/http imports no module; the web imports only the pure core
// from src/.
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
      ".test-build-*/**",
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
    // Modules sit above the HTTP toolkit and below the composition root: routes take App, actorOf,
    // the session cookie and problem responses from src/http, and the services they use as
    // arguments. (Tests may build the whole app.) Listed before the repository and service rules,
    // which repeat the server ban and, being later, replace this one for their files.
    files: ["src/modules/**/*.ts"],
    ignores: ["src/modules/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**"],
              message:
                "src/modules may not import src/server (the composition root); use src/http.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/http/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**", "**/modules/**", "**/cli/**"],
              message:
                "src/http is the toolkit below the modules: it imports core, db types and Fastify only.",
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
    // Repositories own the database: no query building outside *.repository.ts (and the database
    // layer itself). A service opens transactions (`db.transaction()`) and hands the handle on.
    files: ["src/modules/**/*.ts", "src/cli/**/*.ts", "src/http/**/*.ts", "src/server/**/*.ts"],
    ignores: ["**/*.repository.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]",
          message:
            "Kysely queries belong in a *.repository.ts method (docs/ARCHITECTURE.md rule 2).",
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message:
            "Raw SQL belongs in a *.repository.ts method or src/db (docs/ARCHITECTURE.md rule 2).",
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
