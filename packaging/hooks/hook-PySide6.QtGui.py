"""PyInstaller hook for PySide6.QtGui: PyInstaller's own, minus the Qt plugins we never load.

PyInstaller's QtGui hook collects every plugin of every type QtGui can use. Hooks in the
spec's ``hookspath`` take precedence over PyInstaller's (``HOOK_PRIORITY_USER_HOOKS``), so
this one runs instead, with the same collection and a filter. A plugin left out here never
enters the analysis, so neither do the libraries only it needs: the virtual keyboard
plugin alone pulls in QtQuick, QtQml and QtVirtualKeyboard (about 17 MB).

Kept: the platforms the app runs on (xcb, wayland, offscreen, windows, cocoa), the SVG
icon engine and image format (every icon is an SVG), the compose and ibus input methods
(dead keys, e.g. ´ + e), the desktop portal theme (file dialogs in sandboxes), the
xcb GL and wayland plugins, and every other plugin type (print support, styles).
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin type -> names kept (an allow-list) or dropped; a name is the file's stem without
# "lib" ("libqxcb.so", "qwindows.dll" and "libqcocoa.dylib" are qxcb, qwindows, qcocoa).
KEEP_ONLY = {
    # Not kept: linuxfb, eglfs, vnc, minimal(egl), vkkhrdisplay, direct2d (kiosk, embedded
    # and debugging platforms); the app is a desktop program.
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa"),
    # PNG is built into QtGui; nothing in the app reads JPEG, GIF, TIFF, WebP, ICO or PDF
    # images (the plan preview renders with QtPdf, not the "pdf" image plugin).
    "imageformats": ("qsvg",),
    # evdev/tslib/tuio input and EGL device integrations serve only eglfs and linuxfb.
    "generic": (),
    "egldeviceintegrations": (),
}
DROP = {
    # Qt's virtual keyboard is a QtQuick component: nothing for a widgets app. The on-screen
    # keyboard button starts the system's own keyboard (familymeeting/ui/keyboard.py).
    "platforminputcontexts": ("qtvirtualkeyboardplugin",),
    # The app draws its own look (theme.py). The GTK theme would load the machine's GTK 3
    # against the build machine's copies of cairo, pango and gdk-pixbuf that it pulls in.
    "platformthemes": ("qgtk3",),
}


def plugin_name(src: str) -> str:
    stem = Path(src).name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def wanted(src: str, dest: str) -> bool:
    parts = Path(dest).parts
    if "plugins" not in parts:
        return True
    kind = "/".join(parts[parts.index("plugins") + 1 :])
    name = plugin_name(src)
    if kind in KEEP_ONLY:
        return name.startswith(KEEP_ONLY[kind]) if KEEP_ONLY[kind] else False
    return name not in DROP.get(kind, ())


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if wanted(src, dest)]
