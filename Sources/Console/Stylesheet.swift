/// The console's only stylesheet, served at `/static/console.css` (the content security policy forbids inline
/// styles). System fonts only: nothing is fetched from anywhere.
enum Stylesheet {
    static let css = """
        :root { color-scheme: light; --ink: #1d2733; --muted: #5c6b7a; --line: #d8dee6; --band: #f4f6f9;
          --accent: #1f5f99; --warn: #9a3412; --ok: #166534; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI",
          "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans CJK TC", "Microsoft JhengHei", "Meiryo", sans-serif; }
        a { color: var(--accent); }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .6rem 1.25rem;
          background: #17324d; color: #fff; }
        header.top a { color: #dbe8f5; text-decoration: none; }
        header.top a:hover, header.top a[aria-current] { color: #fff; text-decoration: underline; }
        .brand { font-weight: 700; color: #fff !important; }
        nav { display: flex; gap: 1rem; }
        form.lookup { display: flex; gap: .3rem; margin-left: auto; }
        form.lookup input { width: 17rem; }
        .who { display: flex; gap: .5rem; align-items: center; font-size: .9em; }
        .who form { margin: 0; }
        .lang { display: flex; gap: .6rem; font-size: .85em; }
        .lang span { font-weight: 700; }
        main { padding: 1rem 1.25rem 3rem; max-width: 90rem; }
        h1 { font-size: 1.4rem; margin: .3rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
        input, select, button { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        button.link { background: none; border: none; color: #dbe8f5; text-decoration: underline; padding: 0; }
        a.button { display: inline-block; padding: .3rem .7rem; border: 1px solid var(--accent); border-radius: 4px;
          text-decoration: none; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: var(--band); font-weight: 600; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tfoot td, tfoot th { font-weight: 700; border-top: 2px solid var(--ink); }
        table.fields { width: auto; min-width: min(32rem, 100%); }
        .sections table.fields { width: 100%; }
        table.fields th { width: 11rem; color: var(--muted); font-weight: 500; }
        table.fields td { overflow-wrap: anywhere; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
        .card h2 { margin-top: 0; }
        .sections { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: 0 2rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; padding: .8rem;
          background: var(--band); border-radius: 6px; }
        form.filters label { display: flex; flex-direction: column; font-size: .85em; color: var(--muted); gap: .15rem; }
        .actions { display: flex; gap: .8rem; align-items: center; margin: .8rem 0; flex-wrap: wrap; }
        .pager { display: flex; gap: 1rem; align-items: center; }
        .note, .muted { color: var(--muted); font-size: .85em; }
        .warn { color: var(--warn); }
        .message { padding: .6rem .8rem; border-radius: 4px; background: #fff7ed; color: var(--warn);
          border: 1px solid #fed7aa; }
        .message.info { background: #f0fdf4; color: var(--ok); border-color: #bbf7d0; }
        form.login { display: flex; flex-direction: column; gap: .7rem; max-width: 22rem; }
        form.login label { display: flex; flex-direction: column; gap: .2rem; }
        code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
        .changed { background: #fef9c3; }
        """
}
