const { execFileSync } = require('node:child_process');
const path = require('node:path');

/** Build shared/ and api/ so the suites run the code in the working tree as `node api/dist/main.js`. */
module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '../..');
  for (const workspace of ['shared', 'api']) {
    execFileSync('npm', ['run', '--silent', 'build', '-w', workspace], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
};
