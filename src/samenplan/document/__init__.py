"""`samenplan render`: the plan as one readable document, in Markdown or HTML.

``context.build_report`` turns a checked plan into a tree of plain nodes (all sums, tables
and timelines computed in Python); ``render.render_report`` hands that tree to Jinja.
"""
