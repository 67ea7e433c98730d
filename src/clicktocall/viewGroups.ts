/**
 * Cuts a run of numbers, in page order, into groups that each fit within `reach` pixels
 * vertically, so that watching a group's first number tells when any of the group comes near
 * the viewport: watching every number costs the browser work on every frame of scrolling.
 */
export class ViewGroups {
  private groupTop: number | null = null;
  private size = 0;

  constructor(
    private readonly reach: number,
    private readonly maxSize: number,
  ) {}

  /**
   * Whether the number at document offset `top` (null: it has no box, e.g. in a hidden panel)
   * starts a new group. A number above the group's first one, or with no box, always does, as
   * does anything after a boxless one: where those will be once shown is unknown.
   */
  startsGroup(top: number | null): boolean {
    const joins = top !== null && this.groupTop !== null && top >= this.groupTop && top - this.groupTop < this.reach && this.size < this.maxSize;
    if (joins) {
      this.size++;
      return false;
    }
    this.groupTop = top;
    this.size = 1;
    return true;
  }
}
