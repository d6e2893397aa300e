# fg_fuzz_seeds(DIR): the target fuzz_seeds, which writes seed inputs made from the source
# tree into DIR/<fuzz target>/, instead of copies kept in tests/fuzz/corpus/. For html: the
# hand-written 分工表 page tests/fixtures/html/*.html, the sample page graphs/samples/*.html
# and three form documents laid out by tests/fixtures/make_html.py as tests/html.sh lays
# them out (divs in UTF-8, and a layout table in GB2312; python3 is needed for these three,
# without it they are left out with a note). `make fuzz` starts from them as well as from
# the corpus (tests/fuzz/CMakeLists.txt, run.sh), and `make test` replays them
# (tests/CMakeLists.txt).
function(fg_fuzz_seeds dir)
    get_filename_component(root ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../.. ABSOLUTE)
    file(GLOB pages CONFIGURE_DEPENDS ${root}/tests/fixtures/html/*.html
         ${root}/graphs/samples/*.html)
    set(outs "")
    set(deps ${pages})
    set(cmds COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}/html)
    foreach(page ${pages})
        get_filename_component(name ${page} NAME)
        list(APPEND outs ${dir}/html/${name})
        list(APPEND cmds COMMAND ${CMAKE_COMMAND} -E copy ${page} ${dir}/html/${name})
    endforeach()
    find_program(FG_PYTHON3 python3)
    if(FG_PYTHON3)
        fg_fuzz_seed_page(sentences sentences.div.html)
        fg_fuzz_seed_page(delimited_table delimited_table.div.utf8.html)
        fg_fuzz_seed_page(table_headers_open table_headers_open.table.gb2312.html
                          --layout table --encoding gb2312 --rowspan)
    else()
        message(STATUS "no python3: the fuzz seeds made by make_html.py are left out")
    endif()
    add_custom_command(OUTPUT ${outs} ${cmds}
                       DEPENDS ${deps} ${root}/tests/fixtures/make_html.py
                       COMMENT "Fuzz seeds from tests/fixtures and graphs/samples" VERBATIM)
    add_custom_target(fuzz_seeds ALL DEPENDS ${outs})
endfunction()

# fg_fuzz_seed_page(FORM NAME [OPTION...]), inside fg_fuzz_seeds(): tests/forms/FORM.txt as
# the page DIR/html/NAME, laid out by make_html.py with the OPTIONs.
macro(fg_fuzz_seed_page form name)
    list(APPEND outs ${dir}/html/${name})
    list(APPEND deps ${root}/tests/forms/${form}.txt)
    list(APPEND cmds COMMAND ${FG_PYTHON3} ${root}/tests/fixtures/make_html.py
         ${root}/tests/forms/${form}.txt ${dir}/html/${name} ${ARGN})
endmacro()
