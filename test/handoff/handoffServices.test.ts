import { handoffServicesSuite } from './handoffServicesSuite';
import { memoryBackend } from './support/handoffBackends';

handoffServicesSuite('memory', memoryBackend);
