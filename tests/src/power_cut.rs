//! A SQLite VFS that can cut the power. SIGKILL keeps the page cache, so a crash soak cannot show
//! that an acknowledged edit is on the disk itself; this layer can. It wraps the default ("unix")
//! VFS: reads and writes go to the real files as usual, and every time SQLite syncs a file, the
//! file's bytes are copied to a "durable" folder: what a disk would hold after a power cut.
//! When a countdown of writes, syncs and truncations reaches zero, the power goes: the durable
//! folder is copied aside as the state after the cut, and every later write fails.
//!
//! Files never synced (the `-shm` index, created by SQLite without `xOpen`) never reach the
//! durable folder, as on a real machine. A deleted file is gone from it at once (optimistic
//! about directory syncs, which SQLite asks for where it matters).

use rusqlite::ffi;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the power-cut layer knows between calls from SQLite.
struct State {
    durable: PathBuf,
    after_cut: PathBuf,
    countdown: Option<u64>,
    cut: bool,
    operations: u64,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);

/// Installs the layer as SQLite's default VFS: from now on every database this process opens
/// goes through it. `durable` receives synced files; when `countdown` writes, syncs and
/// truncations have happened, the durable files are copied to `after_cut` and writing stops
/// (`None`: the power stays on until [`uninstall`]).
pub fn install(durable: &Path, after_cut: &Path, countdown: Option<u64>) {
    *STATE.lock().unwrap_or_else(|e| e.into_inner()) = Some(State {
        durable: durable.to_owned(),
        after_cut: after_cut.to_owned(),
        countdown,
        cut: false,
        operations: 0,
    });
    // SAFETY: registering a VFS that lives for the whole process (leaked once, below).
    unsafe {
        ffi::sqlite3_initialize();
        let vfs = shim_vfs();
        ffi::sqlite3_vfs_register(vfs, 1);
    }
}

/// Makes the real VFS the default again (to open what the cut left with nothing in between).
/// When the power was never cut, it goes now: the durable files are copied to `after_cut`.
/// Answers whether the countdown cut it, and how many writes, syncs and truncations there were.
pub fn uninstall() -> (bool, u64) {
    // SAFETY: the unix VFS is built into SQLite and lives for the process.
    unsafe {
        let unix = ffi::sqlite3_vfs_find(c"unix".as_ptr());
        ffi::sqlite3_vfs_register(unix, 1);
    }
    let state = STATE.lock().unwrap_or_else(|e| e.into_inner()).take();
    match state {
        Some(state) => {
            if !state.cut {
                copy_folder(&state.durable, &state.after_cut);
            }
            (state.cut, state.operations)
        }
        None => (false, 0),
    }
}

/// Counts one write, sync or truncation; false when the power is (now) off.
fn power_on() -> bool {
    let mut guard = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let Some(state) = guard.as_mut() else {
        return true;
    };
    if state.cut {
        return false;
    }
    state.operations += 1;
    match state.countdown.as_mut() {
        Some(0) => {
            state.cut = true;
            copy_folder(&state.durable, &state.after_cut);
            false
        }
        Some(n) => {
            *n -= 1;
            true
        }
        None => true,
    }
}

fn copy_folder(from: &Path, to: &Path) {
    let _ = std::fs::create_dir_all(to);
    if let Ok(entries) = std::fs::read_dir(from) {
        for entry in entries.flatten() {
            let _ = std::fs::copy(entry.path(), to.join(entry.file_name()));
        }
    }
}

/// Copies a synced file to the durable folder.
fn make_durable(path: &Path) {
    let guard = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if let (Some(state), Some(name)) = (guard.as_ref(), path.file_name()) {
        let _ = std::fs::create_dir_all(&state.durable);
        let _ = std::fs::copy(path, state.durable.join(name));
    }
}

fn forget_durable(path: &Path) {
    let guard = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if let (Some(state), Some(name)) = (guard.as_ref(), path.file_name()) {
        let _ = std::fs::remove_file(state.durable.join(name));
    }
}

/// One open file: SQLite's header, then the real VFS's file (allocated right after it).
#[repr(C)]
struct ShimFile {
    base: ffi::sqlite3_file,
    real: *mut ffi::sqlite3_file,
    path: *mut PathBuf,
}

const SHIM_SIZE: usize = std::mem::size_of::<ShimFile>().next_multiple_of(16);

static mut REAL: *mut ffi::sqlite3_vfs = std::ptr::null_mut();

unsafe fn shim_vfs() -> *mut ffi::sqlite3_vfs {
    static ONCE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let address = *ONCE.get_or_init(|| {
        let real = ffi::sqlite3_vfs_find(c"unix".as_ptr());
        REAL = real;
        let mut vfs: ffi::sqlite3_vfs = std::ptr::read(real);
        vfs.zName = c"power-cut".as_ptr();
        vfs.pNext = std::ptr::null_mut();
        vfs.szOsFile = (SHIM_SIZE + (*real).szOsFile as usize) as c_int;
        vfs.xOpen = Some(shim_open);
        vfs.xDelete = Some(shim_delete);
        Box::into_raw(Box::new(vfs)) as usize
    });
    address as *mut ffi::sqlite3_vfs
}

fn methods() -> &'static ffi::sqlite3_io_methods {
    static METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
        // Version 2: no memory-mapped reads (xFetch), which would bypass xRead.
        iVersion: 2,
        xClose: Some(shim_close),
        xRead: Some(shim_read),
        xWrite: Some(shim_write),
        xTruncate: Some(shim_truncate),
        xSync: Some(shim_sync),
        xFileSize: Some(shim_file_size),
        xLock: Some(shim_lock),
        xUnlock: Some(shim_unlock),
        xCheckReservedLock: Some(shim_check_reserved_lock),
        xFileControl: Some(shim_file_control),
        xSectorSize: Some(shim_sector_size),
        xDeviceCharacteristics: Some(shim_device_characteristics),
        xShmMap: Some(shim_shm_map),
        xShmLock: Some(shim_shm_lock),
        xShmBarrier: Some(shim_shm_barrier),
        xShmUnmap: Some(shim_shm_unmap),
        xFetch: None,
        xUnfetch: None,
    };
    &METHODS
}

unsafe fn real(file: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
    (*(file as *mut ShimFile)).real
}

unsafe fn real_methods(file: *mut ffi::sqlite3_file) -> &'static ffi::sqlite3_io_methods {
    &*(*real(file)).pMethods
}

unsafe extern "C" fn shim_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let shim = file as *mut ShimFile;
    let real_file = (file as *mut u8).add(SHIM_SIZE) as *mut ffi::sqlite3_file;
    (*shim).base.pMethods = std::ptr::null();
    let open = (*REAL).xOpen.expect("unix xOpen");
    let rc = open(REAL, name, real_file, flags, out_flags);
    if rc != ffi::SQLITE_OK {
        return rc;
    }
    (*shim).real = real_file;
    (*shim).path = if name.is_null() {
        std::ptr::null_mut()
    } else {
        let path = PathBuf::from(CStr::from_ptr(name).to_string_lossy().into_owned());
        Box::into_raw(Box::new(path))
    };
    (*shim).base.pMethods = methods();
    ffi::SQLITE_OK
}

unsafe extern "C" fn shim_delete(
    _vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    sync_dir: c_int,
) -> c_int {
    if !power_on() {
        return ffi::SQLITE_IOERR_DELETE;
    }
    let delete = (*REAL).xDelete.expect("unix xDelete");
    let rc = delete(REAL, name, sync_dir);
    if rc == ffi::SQLITE_OK && !name.is_null() {
        forget_durable(Path::new(&*CStr::from_ptr(name).to_string_lossy()));
    }
    rc
}

unsafe extern "C" fn shim_close(file: *mut ffi::sqlite3_file) -> c_int {
    let shim = file as *mut ShimFile;
    let rc = real_methods(file).xClose.expect("xClose")(real(file));
    if !(*shim).path.is_null() {
        drop(Box::from_raw((*shim).path));
        (*shim).path = std::ptr::null_mut();
    }
    rc
}

unsafe extern "C" fn shim_read(
    file: *mut ffi::sqlite3_file,
    buffer: *mut c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    real_methods(file).xRead.expect("xRead")(real(file), buffer, amount, offset)
}

unsafe extern "C" fn shim_write(
    file: *mut ffi::sqlite3_file,
    buffer: *const c_void,
    amount: c_int,
    offset: ffi::sqlite3_int64,
) -> c_int {
    if !power_on() {
        return ffi::SQLITE_IOERR_WRITE;
    }
    real_methods(file).xWrite.expect("xWrite")(real(file), buffer, amount, offset)
}

unsafe extern "C" fn shim_truncate(
    file: *mut ffi::sqlite3_file,
    size: ffi::sqlite3_int64,
) -> c_int {
    if !power_on() {
        return ffi::SQLITE_IOERR_TRUNCATE;
    }
    real_methods(file).xTruncate.expect("xTruncate")(real(file), size)
}

unsafe extern "C" fn shim_sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    if !power_on() {
        return ffi::SQLITE_IOERR_FSYNC;
    }
    let rc = real_methods(file).xSync.expect("xSync")(real(file), flags);
    let path = (*(file as *mut ShimFile)).path;
    if rc == ffi::SQLITE_OK && !path.is_null() {
        make_durable(&*path);
    }
    rc
}

unsafe extern "C" fn shim_file_size(
    file: *mut ffi::sqlite3_file,
    size: *mut ffi::sqlite3_int64,
) -> c_int {
    real_methods(file).xFileSize.expect("xFileSize")(real(file), size)
}

unsafe extern "C" fn shim_lock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    real_methods(file).xLock.expect("xLock")(real(file), level)
}

unsafe extern "C" fn shim_unlock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    real_methods(file).xUnlock.expect("xUnlock")(real(file), level)
}

unsafe extern "C" fn shim_check_reserved_lock(
    file: *mut ffi::sqlite3_file,
    out: *mut c_int,
) -> c_int {
    real_methods(file)
        .xCheckReservedLock
        .expect("xCheckReservedLock")(real(file), out)
}

unsafe extern "C" fn shim_file_control(
    file: *mut ffi::sqlite3_file,
    op: c_int,
    arg: *mut c_void,
) -> c_int {
    real_methods(file).xFileControl.expect("xFileControl")(real(file), op, arg)
}

unsafe extern "C" fn shim_sector_size(file: *mut ffi::sqlite3_file) -> c_int {
    real_methods(file).xSectorSize.expect("xSectorSize")(real(file))
}

unsafe extern "C" fn shim_device_characteristics(file: *mut ffi::sqlite3_file) -> c_int {
    real_methods(file)
        .xDeviceCharacteristics
        .expect("xDeviceCharacteristics")(real(file))
}

unsafe extern "C" fn shim_shm_map(
    file: *mut ffi::sqlite3_file,
    region: c_int,
    size: c_int,
    extend: c_int,
    out: *mut *mut c_void,
) -> c_int {
    real_methods(file).xShmMap.expect("xShmMap")(real(file), region, size, extend, out)
}

unsafe extern "C" fn shim_shm_lock(
    file: *mut ffi::sqlite3_file,
    offset: c_int,
    n: c_int,
    flags: c_int,
) -> c_int {
    real_methods(file).xShmLock.expect("xShmLock")(real(file), offset, n, flags)
}

unsafe extern "C" fn shim_shm_barrier(file: *mut ffi::sqlite3_file) {
    real_methods(file).xShmBarrier.expect("xShmBarrier")(real(file))
}

unsafe extern "C" fn shim_shm_unmap(file: *mut ffi::sqlite3_file, delete: c_int) -> c_int {
    real_methods(file).xShmUnmap.expect("xShmUnmap")(real(file), delete)
}
