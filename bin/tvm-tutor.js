#!/usr/bin/env node
// The CLI lives in dist/cli.js, built by `npm run build` (run by npm ci/install as `prepare`).
require('../dist/cli.js');
