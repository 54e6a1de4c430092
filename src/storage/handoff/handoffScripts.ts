import { LuaScript } from '../redis/luaScript';

/*
 * Every handoff script gets the same KEYS and ARGV layout, so they share one prelude:
 *   KEYS: 1 record hash, 2 notes list, 3 queue zset, 4 leases zset, 5 seq counter, 6 callbacks zset, 7 handle-times list
 *   ARGV: 1 record key prefix, 2 notes key prefix, 3 ticket key prefix, 4 now (ms), 5 retention (ms), 6 conversation id,
 *         7.. the operation's own arguments.
 * Keys of other conversations and tickets are built from the prefixes; all of them carry the {handoff} hash
 * tag, so they live in the declared keys' slot. Replies: {'ok', snapshot, extra...} or {'err', code, detail}.
 */
const prelude = `
local recKey, notesKey, queueKey, leasesKey, seqKey, callbacksKey, handleKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local recPrefix, notesPrefix, ticketPrefix = ARGV[1], ARGV[2], ARGV[3]
local now = tonumber(ARGV[4])
local retention = tonumber(ARGV[5])
local id = ARGV[6]
local rank = { urgent = 0, high = 1, normal = 2 }
local maxNotes = 200

local function hget(key, field)
  local v = redis.call('HGET', key, field)
  if v == false then return nil end
  return v
end
local function fail(code, detail) return { 'err', code, detail } end
local function snapshotOf(cid)
  local rkey = recPrefix .. cid
  local ticket = {}
  local tid = hget(rkey, 'callbackTicketId')
  if tid then ticket = redis.call('HGETALL', ticketPrefix .. tid) end
  return { redis.call('HGETALL', rkey), redis.call('LRANGE', notesPrefix .. cid, 0, -1), ticket }
end
local function ok(a, b) return { 'ok', snapshotOf(id), a or '', b or '' } end
local function hasCode(csv, code) return string.find(',' .. csv .. ',', ',' .. code .. ',', 1, true) ~= nil end
local function addCode(csv, code)
  if csv == nil or csv == '' then return code end
  if hasCode(csv, code) then return csv end
  return csv .. ',' .. code
end
local function score(priority, seq) return rank[priority] * 1000000000000 + seq end
local function persist()
  redis.call('PERSIST', recKey)
  redis.call('PERSIST', notesKey)
end
local function expireLater()
  if retention > 0 then
    redis.call('PEXPIRE', recKey, retention)
    redis.call('PEXPIRE', notesKey, retention)
  end
end
local function notFound() return fail('HANDOFF_NOT_FOUND', 'no handoff record for conversation ' .. id) end
local function mustOwn(agent, token)
  local state = hget(recKey, 'state')
  if not state then return notFound() end
  if state ~= 'assigned' then return fail('HANDOFF_CONFLICT', 'conversation is ' .. state .. ', not assigned') end
  if hget(recKey, 'assignedAgent') ~= agent then return fail('HANDOFF_NOT_OWNER', 'conversation is assigned to another agent') end
  if token ~= '' and hget(recKey, 'fencingToken') ~= token then return fail('HANDOFF_NOT_OWNER', 'stale fencing token') end
  return nil
end
local function requeueIt(cid)
  local rkey = recPrefix .. cid
  redis.call('HSET', rkey, 'state', 'queued', 'reasonCodes', addCode(hget(rkey, 'reasonCodes'), 'agent_requeue'), 'external', '0',
    'requeuedAt', now, 'updatedAt', now)
  redis.call('HDEL', rkey, 'assignedAgent', 'assignedAt', 'leaseExpiresAt')
  redis.call('ZREM', leasesKey, cid)
  redis.call('ZADD', queueKey, score(hget(rkey, 'priority'), tonumber(hget(rkey, 'enqueuedSeq')) or 0), cid)
end
`;

const script = (body: string) => new LuaScript(`${prelude}\n${body}`);

/** ARGV 7 channel, 8 priority, 9 reason codes (csv), 10 summary, 11 skill, 12 contact JSON. Extra: '1' when newly queued. */
export const enqueueScript = script(`
local state = hget(recKey, 'state')
if state == 'assigned' then return fail('HANDOFF_CONFLICT', 'conversation is already assigned to an agent') end
if state == 'queued' then
  local current = hget(recKey, 'priority')
  local codes = hget(recKey, 'reasonCodes') or ''
  for code in string.gmatch(ARGV[9], '[^,]+') do codes = addCode(codes, code) end
  local p = current
  if rank[ARGV[8]] < rank[current] then p = ARGV[8] end
  redis.call('HSET', recKey, 'priority', p, 'reasonCodes', codes, 'updatedAt', now)
  redis.call('ZADD', queueKey, score(p, tonumber(hget(recKey, 'enqueuedSeq'))), id)
  return ok('0')
end
local seq = redis.call('INCR', seqKey)
redis.call('HSET', recKey, 'conversationId', id, 'channelId', ARGV[7], 'state', 'queued', 'priority', ARGV[8],
  'reasonCodes', ARGV[9], 'summary', ARGV[10], 'waitingSince', now, 'enqueuedSeq', seq, 'external', '0', 'updatedAt', now)
redis.call('HSETNX', recKey, 'fencingToken', '0')
redis.call('HSETNX', recKey, 'handledTimes', '0')
redis.call('HDEL', recKey, 'assignedAgent', 'assignedAt', 'leaseExpiresAt', 'announced', 'announcedAt', 'skill', 'requeuedAt')
if ARGV[11] ~= '' then redis.call('HSET', recKey, 'skill', ARGV[11]) end
if ARGV[12] ~= '' then redis.call('HSET', recKey, 'contact', ARGV[12]) end
redis.call('ZADD', queueKey, score(ARGV[8], seq), id)
persist()
return ok('1')
`);

/** ARGV 7 priority, 8 reason (becomes the headline). Extra: the previous priority. */
export const raisePriorityScript = script(`
local state = hget(recKey, 'state')
if not state then return notFound() end
if state ~= 'queued' and state ~= 'assigned' then
  return fail('HANDOFF_CONFLICT', 'cannot raise the priority of a conversation in state ' .. state)
end
local current = hget(recKey, 'priority')
local p = current
if rank[ARGV[7]] < rank[current] then p = ARGV[7] end
local codes = ARGV[8]
for code in string.gmatch(hget(recKey, 'reasonCodes') or '', '[^,]+') do
  if code ~= ARGV[8] then codes = codes .. ',' .. code end
end
redis.call('HSET', recKey, 'priority', p, 'reasonCodes', codes, 'updatedAt', now)
if state == 'queued' then redis.call('ZADD', queueKey, score(p, tonumber(hget(recKey, 'enqueuedSeq')) or 0), id) end
return ok(current)
`);

/** ARGV 7 agent, 8 lease ms. */
export const claimScript = script(`
local state = hget(recKey, 'state')
if not state then return notFound() end
local lease = now + tonumber(ARGV[8])
if state == 'assigned' then
  if hget(recKey, 'assignedAgent') ~= ARGV[7] or hget(recKey, 'external') == '1' then
    return fail('HANDOFF_CONFLICT', 'conversation is already claimed by another agent')
  end
  redis.call('HSET', recKey, 'leaseExpiresAt', lease, 'updatedAt', now)
  redis.call('ZADD', leasesKey, lease, id)
  return ok('1')
end
if state ~= 'queued' then return fail('HANDOFF_CONFLICT', 'cannot claim a conversation in state ' .. state) end
redis.call('HSET', recKey, 'state', 'assigned', 'assignedAgent', ARGV[7], 'assignedAt', now, 'leaseExpiresAt', lease, 'external', '0', 'updatedAt', now)
redis.call('HINCRBY', recKey, 'fencingToken', 1)
redis.call('ZREM', queueKey, id)
redis.call('ZADD', leasesKey, lease, id)
return ok('0')
`);

/** ARGV 7 agent, 8 token ('' = any), 9 lease ms. */
export const renewScript = script(`
local err = mustOwn(ARGV[7], ARGV[8])
if err then return err end
if hget(recKey, 'external') == '1' then return fail('HANDOFF_CONFLICT', 'external assignments have no lease') end
local lease = now + tonumber(ARGV[9])
redis.call('HSET', recKey, 'leaseExpiresAt', lease, 'updatedAt', now)
redis.call('ZADD', leasesKey, lease, id)
return ok()
`);

/** ARGV 7 agent, 8 token ('' = any), 9 disposition, 10 has note '1'/'0', 11 note text, 12 note JSON, 13 handle history. Extra: handle ms. */
export const releaseScript = script(`
local err = mustOwn(ARGV[7], ARGV[8])
if err then return err end
local assignedAt = tonumber(hget(recKey, 'assignedAt')) or now
local handle = now - assignedAt
if handle < 0 then handle = 0 end
if hget(recKey, 'external') ~= '1' then
  redis.call('LPUSH', handleKey, handle)
  redis.call('LTRIM', handleKey, 0, tonumber(ARGV[13]) - 1)
end
if ARGV[10] == '1' then
  redis.call('RPUSH', notesKey, ARGV[12])
  redis.call('LTRIM', notesKey, -maxNotes, -1)
  redis.call('HSET', recKey, 'lastReleaseNote', ARGV[11])
else
  redis.call('HDEL', recKey, 'lastReleaseNote')
end
redis.call('HSET', recKey, 'state', 'bot', 'lastDisposition', ARGV[9], 'external', '0', 'updatedAt', now)
redis.call('HINCRBY', recKey, 'handledTimes', 1)
redis.call('HDEL', recKey, 'assignedAgent', 'assignedAt', 'leaseExpiresAt', 'waitingSince', 'requeuedAt', 'enqueuedSeq', 'announced', 'announcedAt')
redis.call('ZREM', leasesKey, id)
redis.call('ZREM', queueKey, id)
expireLater()
return ok(tostring(handle))
`);

/** ARGV 7 agent ('' = whoever holds it). */
export const requeueScript = script(`
local state = hget(recKey, 'state')
if not state then return notFound() end
if state ~= 'assigned' then return fail('HANDOFF_CONFLICT', 'cannot requeue a conversation in state ' .. state) end
if ARGV[7] ~= '' and hget(recKey, 'assignedAgent') ~= ARGV[7] then return fail('HANDOFF_NOT_OWNER', 'only the assigned agent may requeue') end
requeueIt(id)
return ok()
`);

/** ARGV 7 expected state (''). Extra: previous state, previous agent (''). */
export const cancelScript = script(`
local state = hget(recKey, 'state')
if not state then return notFound() end
if state ~= 'queued' and state ~= 'assigned' then return fail('HANDOFF_CONFLICT', 'cannot cancel a conversation in state ' .. state) end
if ARGV[7] ~= '' and state ~= ARGV[7] then return fail('HANDOFF_CONFLICT', 'conversation is ' .. state .. ', not ' .. ARGV[7]) end
local agent = hget(recKey, 'assignedAgent') or ''
redis.call('HSET', recKey, 'state', 'bot', 'external', '0', 'updatedAt', now)
redis.call('HDEL', recKey, 'assignedAgent', 'assignedAt', 'leaseExpiresAt', 'waitingSince', 'requeuedAt', 'enqueuedSeq', 'announced', 'announcedAt')
redis.call('ZREM', queueKey, id)
redis.call('ZREM', leasesKey, id)
expireLater()
return ok(state, agent)
`);

/** ARGV 7 channel, 8 contact JSON (''), 9 reason, 10 priority, 11 summary, 12 new ticket id, 13 created-at ISO, 14 expected state (''). */
export const toCallbackScript = script(`
local state = hget(recKey, 'state')
if state == 'assigned' then return fail('HANDOFF_CONFLICT', 'conversation is assigned to an agent') end
if ARGV[14] ~= '' and (state or 'bot') ~= ARGV[14] then
  return fail('HANDOFF_CONFLICT', 'conversation is ' .. (state or 'unknown') .. ', not ' .. ARGV[14])
end
if state == 'callback' then
  local tid = hget(recKey, 'callbackTicketId')
  if tid and hget(ticketPrefix .. tid, 'status') == 'open' then
    if ARGV[8] ~= '' then
      redis.call('HSET', ticketPrefix .. tid, 'contact', ARGV[8])
      redis.call('HSET', recKey, 'contact', ARGV[8])
    end
    redis.call('HSET', recKey, 'updatedAt', now)
    return ok()
  end
end
if not state then
  redis.call('HSET', recKey, 'conversationId', id, 'channelId', ARGV[7], 'state', 'bot', 'priority', ARGV[10],
    'reasonCodes', ARGV[9], 'summary', ARGV[11], 'fencingToken', '0', 'handledTimes', '0', 'external', '0')
end
local contact = ARGV[8]
if contact == '' then contact = hget(recKey, 'contact') or '' end
local tkey = ticketPrefix .. ARGV[12]
redis.call('HSET', tkey, 'ticketId', ARGV[12], 'conversationId', id, 'channelId', hget(recKey, 'channelId'), 'contact', contact,
  'reason', ARGV[9], 'priority', hget(recKey, 'priority'), 'summary', hget(recKey, 'summary'), 'createdAt', ARGV[13], 'status', 'open')
redis.call('ZADD', callbacksKey, now, ARGV[12])
redis.call('HSET', recKey, 'state', 'callback', 'callbackTicketId', ARGV[12],
  'reasonCodes', addCode(hget(recKey, 'reasonCodes'), ARGV[9]), 'updatedAt', now)
if contact ~= '' then redis.call('HSET', recKey, 'contact', contact) end
redis.call('HDEL', recKey, 'waitingSince', 'requeuedAt', 'enqueuedSeq', 'announced', 'announcedAt')
redis.call('ZREM', queueKey, id)
persist()
return ok()
`);

/** ARGV 7 ticket id. Reply: {'ok', ticket hash}. */
export const completeCallbackScript = script(`
local tkey = ticketPrefix .. ARGV[7]
if redis.call('EXISTS', tkey) == 0 then return fail('HANDOFF_NOT_FOUND', 'no callback ticket ' .. ARGV[7]) end
redis.call('HSET', tkey, 'status', 'done')
local rkey = recPrefix .. hget(tkey, 'conversationId')
if hget(rkey, 'state') == 'callback' and hget(rkey, 'callbackTicketId') == ARGV[7] then
  redis.call('HSET', rkey, 'state', 'bot', 'updatedAt', now)
end
return { 'ok', redis.call('HGETALL', tkey) }
`);

/** Reply: {'ok', [ticket hash...]} oldest first. */
export const listCallbacksScript = script(`
local out = {}
for i, tid in ipairs(redis.call('ZRANGE', callbacksKey, 0, -1)) do out[i] = redis.call('HGETALL', ticketPrefix .. tid) end
return { 'ok', out }
`);

/** ARGV 7 external agent id. */
export const markExternalScript = script(`
local state = hget(recKey, 'state')
if not state then return notFound() end
if state == 'assigned' and hget(recKey, 'external') == '1' and hget(recKey, 'assignedAgent') == ARGV[7] then return ok('1') end
if state ~= 'queued' then return fail('HANDOFF_CONFLICT', 'cannot hand a conversation in state ' .. state .. ' to a hub') end
redis.call('HSET', recKey, 'state', 'assigned', 'assignedAgent', ARGV[7], 'assignedAt', now, 'external', '1', 'updatedAt', now)
redis.call('HDEL', recKey, 'leaseExpiresAt')
redis.call('HINCRBY', recKey, 'fencingToken', 1)
redis.call('ZREM', queueKey, id)
redis.call('ZREM', leasesKey, id)
return ok('0')
`);

/** Reply: {'none'} or an ok snapshot. */
export const getRecordScript = script(`
if redis.call('EXISTS', recKey) == 0 then return { 'none' } end
return ok()
`);

/** Reply: {'ok', [snapshot...]} in queue order. */
export const listQueueScript = script(`
local out = {}
for i, cid in ipairs(redis.call('ZRANGE', queueKey, 0, -1)) do out[i] = snapshotOf(cid) end
return { 'ok', out }
`);

/** Reply: {'ok', [requeued id...]}. */
export const expireLeasesScript = script(`
local out = {}
for _, cid in ipairs(redis.call('ZRANGEBYSCORE', leasesKey, '-inf', now)) do
  local rkey = recPrefix .. cid
  local state = hget(rkey, 'state')
  local lease = tonumber(hget(rkey, 'leaseExpiresAt'))
  if state == 'assigned' and lease and lease <= now then
    requeueIt(cid)
    table.insert(out, cid)
  elseif state ~= 'assigned' then
    redis.call('ZREM', leasesKey, cid)
  end
end
return { 'ok', out }
`);

/** ARGV 7 note JSON. */
export const addNoteScript = script(`
if redis.call('EXISTS', recKey) == 0 then return notFound() end
redis.call('RPUSH', notesKey, ARGV[7])
redis.call('LTRIM', notesKey, -maxNotes, -1)
local ttl = redis.call('PTTL', recKey)
if ttl > 0 then redis.call('PEXPIRE', notesKey, ttl) end
return { 'ok' }
`);

/** ARGV 7 score. */
export const csatScript = script(`
if redis.call('EXISTS', recKey) == 0 then return notFound() end
redis.call('HSET', recKey, 'csat', ARGV[7], 'updatedAt', now)
return ok()
`);

/** ARGV 7 previous announcedAt ('' = never), 8 announcement JSON, 9 its at. Reply {'ok'} or {'no'}. */
export const markAnnouncedScript = script(`
local state = hget(recKey, 'state')
if not state then return notFound() end
if state ~= 'queued' then return { 'no' } end
if (hget(recKey, 'announcedAt') or '') ~= ARGV[7] then return { 'no' } end
redis.call('HSET', recKey, 'announced', ARGV[8], 'announcedAt', ARGV[9])
return { 'ok' }
`);
