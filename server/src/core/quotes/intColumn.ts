// A growing column of 32-bit integers, the sentence index's way of keeping a few numbers a
// sentence without an object.

/** @internal */
export class IntColumn {
  data = new Int32Array(1024);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}
