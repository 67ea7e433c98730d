/**
 * A page that attacks click-to-call's buttons, for the click-guard tests in Chromium
 * (clickGuard.e2e.ts) and Firefox (firefox.e2e.ts): each number's button is hidden by one trick
 * while it still takes clicks, one button is slid under the pointer, one grows under it, and one is
 * in plain view.
 */
export const HOST = 'voip-widget-call';
/** How many call buttons the page gets. */
export const TRICK_BUTTONS = 8;
const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="margin: 0; font: 16px/1.5 sans-serif">${body}</body></html>`;

export const TRICKS = page(
  'Tricks',
  `
  <p id="control">Visible: 02 555 70 00</p>
  <p id="filter" style="filter: opacity(0)">Filter: 02 555 70 01</p>
  <p id="mask" style="mask-image: linear-gradient(transparent, transparent); -webkit-mask-image: linear-gradient(transparent, transparent)">Mask: 02 555 70 02</p>
  <p id="clip" style="display: inline-block; clip-path: polygon(0 0, 60% 0, 60% 100%, 0 100%)">Clip path: 02 555 70 03</p>
  <div style="position: relative"><p id="overlay">Overlay: 02 555 70 04</p>
    <div style="position: absolute; inset: 0; background: white; pointer-events: none">Play the video ▶</div></div>
  <p id="pinhole" style="display: inline-block">Pinhole: 02 555 70 06</p>
  <p id="grow" style="font-size: 16px">Grow: 02 555 70 07</p>
  <div id="slider" style="position: absolute; z-index: 1; left: 400px; top: 600px; white-space: nowrap">Slide: 02 555 70 05</div>
  <button id="decoy" style="position: absolute; left: 40px; top: 500px; width: 200px; height: 40px">Play ▶</button>
  <script>
    const centre = (el) => { const r = el.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; };
    // Moves the old button's host so that its centre is at (x, y), right under the waiting pointer.
    window.slideUnder = (x, y) => {
      const slider = document.getElementById('slider');
      const host = centre(slider.querySelector('${HOST}'));
      slider.style.left = (parseFloat(slider.style.left) + x - host.x) + 'px';
      slider.style.top = (parseFloat(slider.style.top) + y - host.y) + 'px';
    };
    // Clips the paragraph to a 2 px dot at its button's centre: the dot still takes the click, the button is not seen.
    window.pinhole = () => {
      const p = document.getElementById('pinhole');
      const box = p.getBoundingClientRect();
      const host = centre(p.querySelector('${HOST}'));
      p.style.clipPath = 'circle(2px at ' + (host.x - box.left) + 'px ' + (host.y - box.top) + 'px)';
    };
    // The paragraph's text grows by half, and its button with it: returns where the button now is.
    window.grow = () => {
      const p = document.getElementById('grow');
      p.style.fontSize = '24px';
      return centre(p.querySelector('${HOST}'));
    };
  </script>`,
);
