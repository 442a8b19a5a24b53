#!/usr/bin/env node
// Runs the TypeScript CLI directly: Node 20 cannot strip types, so tsx registers a loader first.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
