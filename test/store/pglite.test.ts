import { describe } from 'vitest';
import { storeSuite } from './suite.ts';

describe('store on PGlite', () => storeSuite('pglite'));
