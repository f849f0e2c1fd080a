"""`samenplan render`: the plan as one readable document, in HTML, Markdown, PDF or Word.

``build.build_report`` turns a checked plan into a tree of plain nodes (all sums, tables,
charts and timelines computed in Python); ``render.render_report`` hands that tree to Jinja for
HTML and Markdown; ``pdf`` lays the HTML out on pages (WeasyPrint) and ``word`` writes the
same tree as a Word document (python-docx). Both are optional extras, imported only when used.
"""
