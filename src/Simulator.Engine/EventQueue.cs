using System.Runtime.CompilerServices;

namespace Simulator.Engine;

/// <summary>
/// A binary min-heap of pending events ordered by (time, sequence): events at the same instant
/// run in the order they were scheduled. Entries are small structs kept in one array, and the
/// handler and its arguments live in a slot table, so neither scheduling nor running an event
/// allocates once the arrays have grown to the run's peak size.
/// <para>
/// Cancellation is lazy: the slot forgets its sequence number and the heap entry is skipped when
/// it surfaces. A slot is reused at once, which is safe because sequence numbers are unique: a
/// stale entry never matches the sequence of the slot's next tenant. When stale entries come to
/// outnumber live ones the heap is rebuilt without them, so a model that keeps cancelling
/// far-future timeouts holds memory for its pending events, not for every timeout it ever set.
/// </para>
/// <para>
/// With 100,000 events pending the queue no longer fits in cache and its size is its speed, so a
/// slot is 32 bytes rather than 40: the free list reuses Arg. Measured on the hold-model
/// benchmark (tests/Simulator.Benchmarks) and no faster than this layout: a 4-ary heap, a single
/// pop that also checks the time limit, and forcing full optimisation of the run loop (which
/// loses the dynamic-PGO devirtualisation of OnEvent).
/// </para>
/// </summary>
internal sealed class EventQueue
{
    // Below this size stale entries cost less than a rebuild would.
    private const int MinCompactionSize = 1024;

    private struct Entry
    {
        public long Time;
        public long Sequence;
        public int Slot;
    }

    private struct SlotData
    {
        public long Sequence; // 0 when the slot is free or its event was cancelled
        public IEventHandler? Handler;
        public object? State;
        public long Arg; // while the slot is free: the next free slot, or -1
    }

    private Entry[] _heap = new Entry[64];
    private int _count;
    private SlotData[] _slots = new SlotData[64];
    private int _freeSlot = -1;
    private int _slotHighWater;
    private long _nextSequence = 1;
    private int _live;

    /// <summary>Events scheduled and neither run nor cancelled.</summary>
    public int Count => _live;

    /// <summary>Heap entries, cancelled ones not yet dropped included: what the queue's memory holds.</summary>
    public int StoredEntries => _count;

    public EventHandle Push(long time, IEventHandler handler, object? state, long arg)
    {
        int slot = AllocateSlot();
        long seq = _nextSequence++;
        ref var s = ref _slots[slot];
        s.Sequence = seq;
        s.Handler = handler;
        s.State = state;
        s.Arg = arg;

        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        SiftUp(_count++, new Entry { Time = time, Sequence = seq, Slot = slot });
        _live++;
        return new EventHandle(slot, seq);
    }

    public bool Cancel(EventHandle handle)
    {
        if (handle.Sequence == 0 || (uint)handle.Slot >= (uint)_slotHighWater) return false;
        ref var s = ref _slots[handle.Slot];
        if (s.Sequence != handle.Sequence) return false;
        FreeSlot(handle.Slot);
        _live--;
        if (_count - _live > _live && _count >= MinCompactionSize) RemoveStaleEntries();
        return true;
    }

    public bool IsPending(EventHandle handle) =>
        handle.Sequence != 0 && (uint)handle.Slot < (uint)_slotHighWater && _slots[handle.Slot].Sequence == handle.Sequence;

    /// <summary>Time of the earliest live event, dropping cancelled entries on the way.</summary>
    public bool TryPeekTime(out long time)
    {
        while (_count > 0)
        {
            ref var top = ref _heap[0];
            if (_slots[top.Slot].Sequence == top.Sequence)
            {
                time = top.Time;
                return true;
            }
            RemoveTop();
        }
        time = 0;
        return false;
    }

    /// <summary>Removes the earliest live event and returns what it needs to run.</summary>
    public bool TryPop(out long time, out IEventHandler handler, out object? state, out long arg)
    {
        while (_count > 0)
        {
            var top = _heap[0];
            RemoveTop();
            ref var s = ref _slots[top.Slot];
            if (s.Sequence != top.Sequence) continue; // cancelled
            time = top.Time;
            handler = s.Handler!;
            state = s.State;
            arg = s.Arg;
            FreeSlot(top.Slot);
            _live--;
            return true;
        }
        time = 0;
        handler = null!;
        state = null;
        arg = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AllocateSlot()
    {
        if (_freeSlot >= 0)
        {
            int slot = _freeSlot;
            _freeSlot = (int)_slots[slot].Arg;
            return slot;
        }
        if (_slotHighWater == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
        return _slotHighWater++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FreeSlot(int slot)
    {
        ref var s = ref _slots[slot];
        s.Sequence = 0;
        s.Handler = null;
        s.State = null;
        s.Arg = _freeSlot;
        _freeSlot = slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    private void RemoveTop()
    {
        int last = --_count;
        if (last > 0) SiftDown(0, _heap[last]);
    }

    private void SiftUp(int index, Entry entry)
    {
        var heap = _heap;
        while (index > 0)
        {
            int parent = (index - 1) >> 1;
            if (!Less(entry, heap[parent])) break;
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = entry;
    }

    private void SiftDown(int index, Entry entry)
    {
        var heap = _heap;
        int count = _count;
        while (true)
        {
            int child = (index << 1) + 1;
            if (child >= count) break;
            int right = child + 1;
            if (right < count && Less(heap[right], heap[child])) child = right;
            if (!Less(heap[child], entry)) break;
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = entry;
    }

    /// <summary>
    /// Drops every cancelled entry and restores heap order bottom-up, in O(n). Runs only after at
    /// least n/2 cancellations since the last rebuild, so it costs O(1) per cancellation.
    /// </summary>
    private void RemoveStaleEntries()
    {
        var heap = _heap;
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            var entry = heap[i];
            if (_slots[entry.Slot].Sequence == entry.Sequence) heap[kept++] = entry;
        }
        _count = kept;
        for (int i = (kept - 2) >> 1; i >= 0; i--) SiftDown(i, heap[i]);
    }
}
