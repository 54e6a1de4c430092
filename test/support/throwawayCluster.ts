import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import type { RedisClusterNode } from '../../src/config/schema';
import { freePort, sleep, startRedis, stopRedis } from './throwawayRedis';

const slotCount = 16384;

/** A Redis Cluster of the test's own: `masters` redis-server processes in cluster mode, no replicas, no persistence. */
export interface ThrowawayCluster {
  readonly nodes: readonly RedisClusterNode[];
  stop(): Promise<void>;
}

async function clusterInfo(client: Redis): Promise<Record<string, string>> {
  const text = String(await client.call('CLUSTER', 'INFO'));
  return Object.fromEntries(text.split(/\r?\n/).filter(Boolean).map((line) => line.split(':') as [string, string]));
}

/**
 * Starts the masters on free ports (with free cluster-bus ports), gives each a third of the slots with
 * CLUSTER ADDSLOTSRANGE, joins them with CLUSTER MEET and waits until every node says cluster_state:ok.
 */
export async function startCluster(masters = 3): Promise<ThrowawayCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-cluster-'));
  const children: ChildProcess[] = [];
  const clients: Redis[] = [];
  const stop = async () => {
    clients.forEach((c) => c.disconnect());
    await Promise.all(children.map((child) => stopRedis(child)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: { port: number; bus: number }[] = [];
    while (ports.length < masters) {
      const [port, bus] = [await freePort(), await freePort()];
      if (port !== bus && !ports.some((p) => [p.port, p.bus].includes(port) || [p.port, p.bus].includes(bus))) ports.push({ port, bus });
    }
    for (const { port, bus } of ports) {
      children.push(
        await startRedis(port, [
          ...['--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--cluster-port', String(bus)],
          ...['--cluster-node-timeout', '2000', '--save', '', '--appendonly', 'no', '--dir', dir],
        ]),
      );
      clients.push(new Redis({ port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 1 }));
    }
    const share = Math.ceil(slotCount / masters);
    await Promise.all(
      clients.map((client, i) => client.call('CLUSTER', 'ADDSLOTSRANGE', i * share, Math.min(slotCount, (i + 1) * share) - 1)),
    );
    for (const { port, bus } of ports.slice(1)) await clients[0]!.call('CLUSTER', 'MEET', '127.0.0.1', port, bus);
    for (let attempt = 0; ; attempt += 1) {
      const infos = await Promise.all(clients.map(clusterInfo));
      if (infos.every((info) => info.cluster_state === 'ok' && Number(info.cluster_known_nodes) === masters)) break;
      if (attempt > 300) throw new Error(`Redis Cluster did not reach cluster_state:ok: ${JSON.stringify(infos)}`);
      await sleep(50);
    }
    clients.forEach((c) => c.disconnect());
    clients.length = 0;
    return { nodes: ports.map(({ port }) => ({ host: '127.0.0.1', port })), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
