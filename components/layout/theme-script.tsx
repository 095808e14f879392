/** localStorage key holding the visitor's explicit theme choice ('light' | 'dark'). */
export const THEME_STORAGE_KEY = 'dls-theme'

// Runs before first paint so an explicit choice never flashes the other theme. With no choice
// stored, globals.css follows prefers-color-scheme.
const script = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.classList.add(t)}catch(e){}})()`

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />
}
