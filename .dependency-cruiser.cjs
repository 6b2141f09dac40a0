/** Dependency rules from docs/ARCHITECTURE.md: dependencies point one way. */
module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', comment: 'domain imports nothing of ours and no I/O',
      from: { path: '^packages/domain' },
      to: { path: '^packages/(server|web|cli)|^node_modules/(pg|@electric-sql|fastify|@fastify)|^(fs|path|crypto|os|child_process|net|http)$' } },
    { name: 'web-not-server', severity: 'error', comment: 'web never imports server or cli',
      from: { path: '^packages/web' }, to: { path: '^packages/(server|cli)' } },
    { name: 'server-not-web-or-cli', severity: 'error',
      from: { path: '^packages/server' }, to: { path: '^packages/(web|cli)' } },
    { name: 'module-through-index', severity: 'error',
      comment: 'a server module may import another module only through its index.ts',
      from: { path: '^packages/server/src/modules/([^/]+)/' },
      to: { path: '^packages/server/src/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^packages/server/src/modules/$1/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'not-to-test', severity: 'error', from: { pathNot: '\\.test\\.tsx?$|/testing/' }, to: { path: '\\.test\\.tsx?$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'node_modules|dist' },
    combinedDependencies: true,
  },
};
