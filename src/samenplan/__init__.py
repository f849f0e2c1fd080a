"""samenplan: one coherent plan for herstel en perspectief of children and young people."""

__version__ = "0.1.0"
