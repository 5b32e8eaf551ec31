#!/usr/bin/env node
// The CLI lives in dist/cli.js (built by `npm run build`).
require('../dist/cli.js');
