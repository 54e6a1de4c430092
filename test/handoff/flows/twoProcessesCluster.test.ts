import Redis from 'ioredis';
import { describeCluster, useClusterFixture } from '../../support/clusterFixture';
import { uniquePrefix } from '../../support/redis';
import { twoProcessesSuite } from './twoProcessesSuite';

describeCluster('two Tandem processes on a Redis Cluster of three masters: the customer on A, the agent on B', () => {
  const cluster = useClusterFixture();
  const prefix = uniquePrefix('twoproccl');
  twoProcessesSuite(async () => ({
    // REDIS_URL emptied: an outer environment's REDIS_URL would otherwise clash with REDIS_CLUSTER_NODES.
    env: { REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.nodes(), REDIS_KEY_PREFIX: prefix },
    // The cluster is torn down with the fixture.
    cleanup: async () => undefined,
  }));

  it('kept the state of those conversations on more than one master', async () => {
    const perMaster = await Promise.all(
      cluster.nodes().split(',').map(async (address) => {
        const [host, port] = address.split(':');
        const node = new Redis({ host, port: Number(port), lazyConnect: false });
        try {
          return (await node.keys(`${prefix}:*`)).length;
        } finally {
          node.disconnect();
        }
      }),
    );
    expect(perMaster.filter((count) => count > 0).length).toBeGreaterThan(1);
  });
});
