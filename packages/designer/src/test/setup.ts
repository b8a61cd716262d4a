import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts after each test only when globals are on; ours are imported explicitly.
afterEach(() => cleanup());
