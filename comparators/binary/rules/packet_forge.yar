/* packet_forge: the program forges network packets (see memory_read.yar for the facts). */

rule raw_socket
{
    meta:
        category = "packet_forge"
        title = "Opens raw sockets (SOCK_RAW / AF_PACKET) to craft packets by hand"
        title_zh = "打开原始套接字（SOCK_RAW / AF_PACKET）手工构造数据包"
        weight = 3
    condition:
        (arg2_socket_bits & 0xF) == 3 or arg1_socket_is_17
        or (arg2_WSASocketA_bits & 0xF) == 3 or (arg2_WSASocketW_bits & 0xF) == 3
}

rule game_opcode_constants
{
    meta:
        category = "packet_forge"
        title = "Sends data and uses the game protocol's opcodes as constants"
        title_zh = "发送网络数据并在代码中使用游戏协议操作码常量"
        weight = 4
    condition:
        opcode_hits > 0 and (api_send or api_sendto or api_sendmsg or api_WSASend or api_WSASendTo
                             or api_SSL_write or api_write)
}

rule packet_capture_library
{
    meta:
        category = "packet_forge"
        title = "Uses a packet capture / injection library (libpcap, WinPcap/Npcap, WinDivert)"
        title_zh = "使用抓包或注包库（libpcap、WinPcap/Npcap、WinDivert）"
        weight = 2
    condition:
        api_pcap_sendpacket or api_pcap_inject or api_WinDivertOpen or api_WinDivertSend or api_pcap_open_live
}
