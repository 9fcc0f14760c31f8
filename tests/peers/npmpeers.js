// Loads the test peers' npm packages from tests/peers/npm/node_modules (pinned in its package-lock.json and
// installed by scripts/test with npm ci); fails with a clear message when they are missing.
const path = require('path');

module.exports = function npmRequire(name) {
  const root = path.join(__dirname, 'npm');
  try {
    return require(require.resolve(name, { paths: [root] }));
  } catch (e) {
    console.error(`npm package "${name}" is missing from ${root}/node_modules: run scripts/test, or ` +
      `"npm ci" in ${root} (${e.message})`);
    process.exit(1);
  }
};
