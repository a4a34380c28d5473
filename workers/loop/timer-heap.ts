// A binary min-heap of timers ordered by deadline, then by arming order (Node runs timers that
// expire together in the order they were armed). Removal is lazy: a node is live only while its
// timer is still armed with the same sequence number, so clear and refresh cost O(1).

export interface HeapTimer {
  /** The sequence number of the current arming; 0 while disarmed. */
  armedSeq: number;
}

interface HeapNode<T extends HeapTimer> {
  deadline: number;
  seq: number;
  timer: T;
}

export class TimerHeap<T extends HeapTimer> {
  #nodes: HeapNode<T>[] = [];

  push(timer: T, deadline: number, seq: number): void {
    const nodes = this.#nodes;
    nodes.push({ deadline, seq, timer });
    let i = nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(nodes[i]!, nodes[parent]!)) break;
      [nodes[i], nodes[parent]] = [nodes[parent]!, nodes[i]!];
      i = parent;
    }
  }

  /** The earliest live node, discarding stale ones on the way. */
  peek(): { timer: T; deadline: number } | undefined {
    for (;;) {
      const top = this.#nodes[0];
      if (top === undefined) return undefined;
      if (top.timer.armedSeq === top.seq) return top;
      this.#popTop();
    }
  }

  pop(): T | undefined {
    const top = this.peek();
    if (top === undefined) return undefined;
    this.#popTop();
    return top.timer;
  }

  #popTop(): void {
    const nodes = this.#nodes;
    const last = nodes.pop();
    if (last === undefined || nodes.length === 0) return;
    nodes[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < nodes.length && before(nodes[left]!, nodes[smallest]!)) smallest = left;
      if (right < nodes.length && before(nodes[right]!, nodes[smallest]!)) smallest = right;
      if (smallest === i) return;
      [nodes[i], nodes[smallest]] = [nodes[smallest]!, nodes[i]!];
      i = smallest;
    }
  }
}

function before(a: HeapNode<HeapTimer>, b: HeapNode<HeapTimer>): boolean {
  return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq);
}
