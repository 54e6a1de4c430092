import { handoffServiceSuite } from './handoffServiceSuite';
import { memoryBackend } from './support/handoffBackends';

handoffServiceSuite('memory', memoryBackend);
