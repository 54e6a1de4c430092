import { newIntakeId } from './intakeId';
import type { IntakeRecord, StoredIntakeRecord } from './intakeRecord';
import { clampIntakeLimit, type IntakeStore, type ListIntakeOptions } from './intakeStore';
import type { DateClock } from '../../clock';

export interface MemoryIntakeStoreOptions {
  readonly now?: DateClock;
  readonly newId?: () => string;
}

/** In-process IntakeStore (one process, lost on restart). */
export class MemoryIntakeStore implements IntakeStore {
  private readonly records = new Map<string, StoredIntakeRecord>();
  private readonly now: DateClock;
  private readonly newId: () => string;

  constructor(options: MemoryIntakeStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newIntakeId;
  }

  async save(record: IntakeRecord): Promise<{ id: string }> {
    const id = this.newId();
    if (this.records.has(id)) throw new Error('Intake id collision');
    this.records.set(id, structuredClone({ ...record, id, createdAt: this.now().toISOString() }));
    return { id };
  }

  async get(id: string): Promise<StoredIntakeRecord | undefined> {
    const record = this.records.get(id);
    return record ? structuredClone(record) : undefined;
  }

  async list(options: ListIntakeOptions = {}): Promise<StoredIntakeRecord[]> {
    return [...this.records.values()]
      .filter((r) => !options.kind || r.kind === options.kind)
      .reverse()
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, clampIntakeLimit(options.limit))
      .map((r) => structuredClone(r));
  }
}
