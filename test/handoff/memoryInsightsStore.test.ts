import { MemoryInsightsStore } from '../../src/handoff/insights';
import { insightsContract } from './insightsContract';

insightsContract('memory', async (maxItems) => ({ store: new MemoryInsightsStore(maxItems), close: async () => undefined }));
