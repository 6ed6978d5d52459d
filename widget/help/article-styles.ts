// Typography of the article reader; shipped with the lazily loaded reader, not in the start-up bundle.
export const articleStyles = `
.cs-article-body{overflow-wrap:anywhere}
#cs-article-title{margin:0 0 8px;font-size:18px;line-height:1.35}
#cs-article-title:focus{outline:none}
.cs-article-body h2,.cs-article-body h3{margin:16px 0 6px;font-size:15px}
.cs-article-body p,.cs-article-body ul,.cs-article-body ol{margin:0 0 10px}
.cs-article-body ul,.cs-article-body ol{padding-left:22px}
.cs-article-body li{margin:4px 0}
.cs-article-body a{color:#1a56b8}
.cs-article-body code{padding:1px 4px;border-radius:4px;background:#eef1f6;font-size:13px}
.cs-article-body table{width:100%;margin:0 0 12px;border-collapse:collapse;font-size:13px}
.cs-article-body th,.cs-article-body td{padding:4px 6px;border:1px solid #d5dae3;text-align:left;vertical-align:top}
.cs-article-body img{max-width:100%;height:auto}
.cs-article-body .image-blocked{font-style:italic;color:#4b5466}
.cs-article-meta{margin:12px 0 0;color:#4b5466;font-size:13px}
.cs-article-meta a{color:#1a56b8}
`;
